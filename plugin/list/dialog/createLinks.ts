/** Create: confirm naming the count and the total, then create with a progress bar. */
import { ProxyError } from "../../api/ProxyError";
import { describeProxyError } from "../../i18n/describeProxyError";
import { confirmAction } from "../../ui/confirmAction";
import { element } from "../../ui/element";
import { fillTemplate } from "../../ui/fillTemplate";
import { formatTotals } from "../../ui/formatMoney";
import { totalsByCurrency } from "../renderPreview";
import { runCheckoutCreation } from "../runCheckoutCreation";
import { countCreationKinds, describeCreationKinds } from "./creationKinds";
import { offerReload, showResult } from "./creationResult";
import {
  canCreate,
  checkedRefs,
  nameRecord,
  showNotice,
  type DialogContext,
} from "./DialogContext";
import { renderPreview } from "./selectionPreview";

export async function createLinks(context: DialogContext): Promise<void> {
  const { options, modal, view } = context;
  const { document: doc, messages, language } = options;
  if (!canCreate(context) || context.preview === undefined) return;
  const refs = checkedRefs(context);
  const sessions = context.preview.sessions;
  const summary = fillTemplate(messages.confirmCreateMessage, {
    links: sessions.length,
    records: refs.length,
    total: formatTotals(totalsByCurrency(sessions), language),
  });
  const confirmed = await confirmAction(doc, {
    title: messages.confirmCreateTitle,
    message: summary,
    details: describeCreationKinds(countCreationKinds(context), messages),
    confirmLabel: messages.confirmCreateAction,
    cancelLabel: messages.back,
  });
  if (!confirmed || !canCreate(context)) return;
  context.busy = true;
  view.createButton.disabled = true;
  modal.dialog.classList.add("kintone-stripe-checkout-busy");
  const bar = element(doc, "progress", { attributes: { max: String(refs.length), value: "0" } });
  const progressText = element(doc, "span");
  showNotice(
    context,
    "info",
    [messages.creating],
    [element(doc, "div", { className: "kintone-stripe-checkout-progress" }, [bar, progressText])],
  );
  try {
    const created = await runCheckoutCreation(
      options.client,
      options.appId,
      options.mapping.grouping,
      refs,
      {
        pollMs: options.pollMs,
        onProgress: (done, total) => {
          bar.max = Math.max(total, 1);
          bar.value = done;
          progressText.textContent = fillTemplate(messages.progress, { done, total });
        },
      },
    );
    showResult(context, created);
  } catch (error) {
    context.busy = false;
    // A record changed, vanished or got paid under the user: only a reload shows it as it is.
    context.stale =
      error instanceof ProxyError &&
      (error.code === "RECORD_CHANGED" ||
        error.code === "RECORD_NOT_FOUND" ||
        error.code === "RECORD_ALREADY_PAID");
    modal.dialog.classList.remove("kintone-stripe-checkout-busy");
    const { message, details } = describeProxyError(
      error,
      messages,
      (id) => nameRecord(context, id),
      context.labelOf,
    );
    showNotice(context, "error", [message, ...details]);
    offerReload(context);
    renderPreview(context);
  }
}
