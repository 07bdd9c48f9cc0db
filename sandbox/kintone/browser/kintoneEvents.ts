/** `kintone.events`: handlers by event type, run in order (https://cybozu.dev/ja/kintone/docs/js-api/events/). */
export type EventHandler = (event: KintoneEvent) => unknown;
export type KintoneEvent = Record<string, unknown> & { type: string };

const handlers = new Map<string, EventHandler[]>();

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/**
 * Handlers run one after another in the order they were added; one that returns a thenable is
 * awaited before the next runs, and an event object it returns is passed on.
 * https://cybozu.dev/ja/kintone/docs/js-api/events/event-handling/
 */
export async function dispatch(type: string, event: KintoneEvent): Promise<KintoneEvent> {
  let current = event;
  for (const handler of [...(handlers.get(type) ?? [])]) {
    try {
      let result = handler(current);
      if (isThenable(result)) result = await result;
      if (typeof result === "object" && result !== null) current = result as KintoneEvent;
    } catch (error) {
      console.error(`kintone sandbox: a handler of ${type} failed`, error);
    }
  }
  return current;
}

export const events = {
  on(type: string | string[], handler: EventHandler): void {
    for (const t of Array.isArray(type) ? type : [type]) {
      handlers.set(t, [...(handlers.get(t) ?? []), handler]);
    }
  },
  off(type?: string | string[], handler?: EventHandler): boolean {
    if (type === undefined) {
      handlers.clear();
      return true;
    }
    let removed = false;
    for (const t of Array.isArray(type) ? type : [type]) {
      const list = handlers.get(t) ?? [];
      const kept = handler === undefined ? [] : list.filter((h) => h !== handler);
      removed ||= kept.length !== list.length;
      handlers.set(t, kept);
    }
    return removed;
  },
};
