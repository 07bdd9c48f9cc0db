/**
 * On the first SIGINT or SIGTERM: `close`, then exit 0, or 1 when closing failed (after
 * `onFailure`). Later signals while closing are ignored.
 */
export function closeOnSignals(
  close: () => Promise<void>,
  onFailure: (error: unknown) => void = () => undefined,
): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        onFailure(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
