/**
 * Polls a condition until it holds: for waits on a real server or a child process, where no clock
 * can be injected. Never a fixed sleep: the test goes on as soon as the condition is met.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; message?: string | (() => string) } = {},
): Promise<void> {
  const { timeoutMs = 10_000, intervalMs = 10 } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const { message = "condition not met in time" } = options;
      throw new Error(typeof message === "function" ? message() : message);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
