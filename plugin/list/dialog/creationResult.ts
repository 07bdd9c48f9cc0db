/** After creating: the links made (each with Copy), the records that failed, and a reload. */
import type { CreatedSession } from "../../../core/api/proxyApi";
import { describeProxyError } from "../../i18n/describeProxyError";
import { copyText } from "../../ui/copyText";
import { button, element } from "../../ui/element";
import { fillTemplate } from "../../ui/fillTemplate";
import { joinSentences } from "../../ui/joinSentences";
import type { CreationSummary } from "../runCheckoutCreation";
import { nameRecord, showNotice, type DialogContext } from "./DialogContext";

export function showResult(context: DialogContext, summary: CreationSummary): void {
  const { document: doc, messages } = context.options;
  const { view, modal } = context;
  const nameRecordIn = (id: string) => nameRecord(context, id);
  context.created = summary.done > 0;
  view.footerTotal.textContent = "";
  // A job reports records; one session per record there, so records are links.
  const lines = [messages.resultDone(summary.sessions.length || summary.done)];
  const links = summary.sessions.filter((s) => s.url !== null).map((s) => renderLink(context, s));
  const extra: Node[] = [
    element(doc, "div", { className: "kintone-stripe-checkout-links" }, links),
  ];
  if (summary.failed > 0) {
    extra.push(element(doc, "p", { text: messages.resultFailed(summary.failed) }));
    for (const failure of summary.failures) {
      const { message, details } = describeProxyError(
        failure.error,
        messages,
        nameRecordIn,
        context.labelOf,
      );
      extra.push(
        element(doc, "div", {
          className: "kintone-stripe-checkout-failure",
          text: fillTemplate(messages.resultLine, {
            record: failure.recordIds.map(nameRecordIn).join(", "),
            message: joinSentences([message, ...details]),
          }),
        }),
      );
    }
  }
  showNotice(context, summary.failed > 0 ? "error" : "success", lines, extra);
  modal.body
    .querySelectorAll(
      ".kintone-stripe-checkout-toolbar, .kintone-stripe-checkout-billed-note, .kintone-stripe-checkout-records, .kintone-stripe-checkout-preview",
    )
    .forEach((node) => node.remove());
  view.createButton.remove();
  view.closeButton.remove();
  offerReload(context);
}

/** A "close and reload" button in the footer, once. */
export function offerReload(context: DialogContext): void {
  const { document: doc, messages } = context.options;
  const { modal, view } = context;
  if (modal.footer.querySelector(".kintone-stripe-checkout-reload")) return;
  const reload = button(doc, messages.closeAndReload, () => {
    const reloadOnClose = context.created;
    modal.close();
    if (!reloadOnClose) context.options.reload();
  });
  reload.classList.add("kintone-stripe-checkout-reload");
  if (view.closeButton.isConnected) view.closeButton.before(reload);
  else modal.footer.append(reload);
}

function renderLink(context: DialogContext, session: CreatedSession): HTMLElement {
  const { document: doc, messages } = context.options;
  const url = session.url ?? "";
  const feedback = element(doc, "span", { className: "kintone-stripe-checkout-copy-feedback" });
  const copy = button(doc, messages.copyLink, () => {
    void (context.options.copy ?? ((text) => copyText(doc, text)))(url).then((ok) => {
      feedback.textContent = ok ? messages.copied : messages.copyFailed;
      // "Copied" fits the slot kept for it; the longer failure takes a line of its own.
      feedback.classList.toggle("kintone-stripe-checkout-copy-failed", !ok);
    });
  });
  return element(doc, "div", { className: "kintone-stripe-checkout-link" }, [
    element(doc, "span", {
      className: "kintone-stripe-checkout-link-records",
      text: session.recordIds.map((id) => nameRecord(context, id)).join(", "),
    }),
    element(doc, "input", {
      className: "kintone-stripe-checkout-link-url",
      attributes: { type: "text", readonly: "", value: url },
    }),
    copy,
    feedback,
  ]);
}
