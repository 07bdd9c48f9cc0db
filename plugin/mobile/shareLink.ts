/**
 * Hands the link to the phone's share sheet (https://developer.mozilla.org/en-US/docs/Web/API/Navigator/share),
 * where the browser offers it. Resolves "shared", "cancelled" (the user closed the sheet: an
 * AbortError) or "failed".
 */
export type ShareOutcome = "shared" | "cancelled" | "failed";

export function canShare(nav: Navigator | undefined): boolean {
  return typeof nav?.share === "function";
}

export async function shareLink(
  nav: Navigator,
  data: { title: string; url: string },
): Promise<ShareOutcome> {
  try {
    await nav.share(data);
    return "shared";
  } catch (error) {
    return (error as { name?: unknown } | null)?.name === "AbortError" ? "cancelled" : "failed";
  }
}
