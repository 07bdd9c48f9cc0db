import type { Messages } from "../../i18n/messages";
import type { FormField } from "../formFields";
import type { MappingFormState } from "../MappingFormState";

/** The class prefix of every element of the settings screen (styled by config.css). */
export const CLASS = "ksc-settings";

/** A control an error can be shown on: KUC components take `error`, our own inputs an element. */
export interface ErrorTarget {
  label: string;
  show: (message: string) => void;
}

/** What the sections of the settings screen share: the form being edited and where errors go. */
export interface SettingsContext {
  document: Document;
  t: Messages;
  state: MappingFormState;
  /** The app's form fields; undefined until they are loaded (or when they failed to load). */
  fields: FormField[] | undefined;
  /** Where each control's error is shown, by control key. */
  errorTargets: Map<string, ErrorTarget>;
  /** Re-fill a field dropdown; all run after the fields load or the source changes. */
  refreshers: Array<() => void>;
}

export function createSettingsContext(
  document: Document,
  t: Messages,
  state: MappingFormState,
): SettingsContext {
  return { document, t, state, fields: undefined, errorTargets: new Map(), refreshers: [] };
}

export function refreshFieldChoices(context: SettingsContext): void {
  context.refreshers.forEach((refresh) => refresh());
}
