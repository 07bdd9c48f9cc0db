/** The list of errors above the form; each error is also shown on its own control. */
import { element } from "../../ui/element";
import type { FormError } from "../checkMappingForm";
import { CLASS, type SettingsContext } from "./SettingsContext";

export interface ErrorSummary {
  element: HTMLElement;
  /** Replaces every error shown; scrolls the summary into view unless `scroll` is false. */
  show: (errors: FormError[], scroll?: boolean) => void;
}

export function errorSummary(context: SettingsContext): ErrorSummary {
  const { document, t, errorTargets } = context;
  const summary = element(document, "div", {
    className: `${CLASS}-summary`,
    attributes: { role: "alert" },
  });
  summary.hidden = true;
  const show = (errors: FormError[], scroll = true) => {
    for (const target of errorTargets.values()) target.show("");
    const list = element(document, "ul");
    for (const error of errors) {
      const target = errorTargets.get(error.control);
      target?.show(error.message);
      const text = target !== undefined ? `${target.label}: ${error.message}` : error.message;
      list.append(element(document, "li", { text }));
    }
    summary.replaceChildren(
      element(document, "p", { className: `${CLASS}-summary-title`, text: t.settingsErrorSummary }),
      list,
    );
    summary.hidden = errors.length === 0;
    if (errors.length > 0 && scroll) summary.scrollIntoView?.({ block: "start" });
  };
  return { element: summary, show };
}
