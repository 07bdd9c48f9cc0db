/** The show events of the list and detail pages, and the list's in-page paging, sorting and view changes. */
import { context } from "./currentPage";
import { dispatch, type KintoneEvent } from "./kintoneEvents";
import { detailShowEventType } from "./mobileKintone";
import { PAGE_CONTEXT_ELEMENT_ID, type PageContext } from "./PageContext";

/**
 * The show events' objects; `size` is the number of records shown.
 * https://cybozu.dev/ja/kintone/docs/js-api/events/idx/index-show-event
 */
function buildShowEvent(): KintoneEvent | undefined {
  const appId = Number(context.appId);
  if (context.page === "list") {
    return {
      type: "app.record.index.show",
      appId,
      viewId: Number(context.viewId),
      viewName: context.viewName,
      viewType: "list",
      records: structuredClone(context.records),
      offset: context.offset,
      size: context.size,
      date: null,
    };
  }
  if (context.page === "detail") {
    return {
      type: detailShowEventType(context),
      appId,
      recordId: Number(context.recordId),
      record: structuredClone(context.record),
    };
  }
  return undefined;
}

let renders = 0;

export async function fireShowEvent(): Promise<void> {
  const event = buildShowEvent();
  if (event !== undefined) {
    // The benchmark (bench/showToButton.ts) times from here to what the plugin draws.
    performance.mark(`kintone:${event.type}`);
    await dispatch(event.type, event);
  }
  renders += 1;
  // Stories wait on these: the plugin ran and the show event of this render was handled.
  document.documentElement.dataset.kintoneReady = "true";
  document.documentElement.dataset.kintoneRenders = String(renders);
}

/**
 * kintone's record list is one page: paging, sorting and changing the view replace the records and fire
 * `app.record.index.show` again, while the header menu space, and what plugins put into it, stays.
 * https://cybozu.dev/ja/kintone/docs/js-api/events/idx/index-show-event/
 */
async function showListAt(url: string): Promise<void> {
  const response = await fetch(url, { credentials: "same-origin" });
  const next = new DOMParser().parseFromString(await response.text(), "text/html");
  const nextContextText = next.getElementById(PAGE_CONTEXT_ELEMENT_ID)?.textContent;
  const nextContext = nextContextText ? (JSON.parse(nextContextText) as PageContext) : undefined;
  const nextContent = next.querySelector(".content");
  const content = document.querySelector(".content");
  if (nextContext?.page !== "list" || nextContent === null || content === null) {
    location.href = url;
    return;
  }
  content.replaceWith(document.importNode(nextContent, true));
  Object.assign(context, nextContext);
  history.pushState(null, "", url);
  await fireShowEvent();
}

export function followListNavigation(): void {
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.(
      "a.pager-prev, a.pager-next, a.sort-link",
    );
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    showListAt(link.href).catch((error: unknown) => console.error("kintone sandbox:", error));
  });
  document
    .querySelector<HTMLSelectElement>(".view-selector select")
    ?.addEventListener("change", (event) => {
      const url = (event.target as HTMLSelectElement).value;
      showListAt(url).catch((error: unknown) => console.error("kintone sandbox:", error));
    });
  window.addEventListener("popstate", () => location.reload());
}
