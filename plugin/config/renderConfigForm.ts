import type { Messages } from "../i18n/messages";
import { readPluginConfig } from "./pluginConfig";
import { hasStoredSecret, saveProxySettings, validateProxySettings } from "./saveProxySettings";

export interface ConfigFormView {
  form: HTMLFormElement;
  /** Validates and saves what the form holds; resolves to whether it saved. */
  submit: () => Promise<boolean>;
}

/**
 * Renders the settings form (proxy URL and secret) into the container. The stored URL is shown;
 * the secret never is: its field starts empty and is cleared again after saving.
 */
export function renderConfigForm(
  container: HTMLElement,
  pluginId: string,
  messages: Messages,
): ConfigFormView {
  const document = container.ownerDocument;
  const previousProxyUrl = readPluginConfig(pluginId).proxyUrl;

  const form = document.createElement("form");
  form.className = "kintone-stripe-checkout-config-form";
  form.noValidate = true; // our own checks, in the user's language

  const title = document.createElement("h2");
  title.textContent = messages.configTitle;

  const urlField = createField(document, {
    id: "kintone-stripe-checkout-proxy-url",
    label: messages.proxyUrlLabel,
    help: messages.proxyUrlHelp,
    type: "url",
    autocomplete: "off",
  });
  urlField.input.value = previousProxyUrl ?? "";

  const secretField = createField(document, {
    id: "kintone-stripe-checkout-proxy-secret",
    label: messages.proxySecretLabel,
    help: messages.proxySecretHelp,
    type: "password",
    autocomplete: "new-password",
  });
  const keepHint = document.createElement("p");
  keepHint.className = "kintone-stripe-checkout-config-help";
  keepHint.textContent = messages.proxySecretKeepHelp;
  keepHint.hidden = !(previousProxyUrl !== undefined && hasStoredSecret(previousProxyUrl));
  secretField.wrapper.appendChild(keepHint);

  const error = document.createElement("p");
  error.className = "kintone-stripe-checkout-config-error";
  error.setAttribute("role", "alert");

  const saveButton = document.createElement("button");
  saveButton.type = "submit";
  saveButton.className = "kintone-stripe-checkout-config-save";
  saveButton.textContent = messages.save;

  const cancelButton = document.createElement("button");
  cancelButton.type = "button";
  cancelButton.className = "kintone-stripe-checkout-config-cancel";
  cancelButton.textContent = messages.cancel;
  cancelButton.addEventListener("click", () => window.history.back());

  const buttons = document.createElement("div");
  buttons.className = "kintone-stripe-checkout-config-buttons";
  buttons.append(saveButton, cancelButton);

  form.append(title, urlField.wrapper, secretField.wrapper, error, buttons);
  container.replaceChildren(form);

  const showError = (message: string, input?: HTMLInputElement) => {
    error.textContent = message;
    for (const field of [urlField.input, secretField.input]) {
      field.setAttribute("aria-invalid", String(field === input));
    }
    input?.focus();
  };

  const submit = async (): Promise<boolean> => {
    const checked = validateProxySettings(
      { proxyUrl: urlField.input.value, secret: secretField.input.value },
      messages,
    );
    if (!checked.ok) {
      showError(checked.message, checked.field === "proxyUrl" ? urlField.input : secretField.input);
      return false;
    }
    showError("");
    saveButton.disabled = true;
    saveButton.textContent = messages.saving;
    try {
      await saveProxySettings(pluginId, checked, previousProxyUrl);
      urlField.input.value = checked.proxyUrl;
      return true;
    } catch {
      showError(messages.errorSaveFailed);
      return false;
    } finally {
      secretField.input.value = "";
      saveButton.disabled = false;
      saveButton.textContent = messages.save;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });

  return { form, submit };
}

interface FieldOptions {
  id: string;
  label: string;
  help: string;
  type: string;
  autocomplete: string;
}

function createField(document: Document, options: FieldOptions) {
  const wrapper = document.createElement("div");
  wrapper.className = "kintone-stripe-checkout-config-field";

  const label = document.createElement("label");
  label.htmlFor = options.id;
  label.textContent = options.label;

  const input = document.createElement("input");
  input.id = options.id;
  input.type = options.type;
  input.autocomplete = options.autocomplete as AutoFill;
  input.spellcheck = false;

  const help = document.createElement("p");
  help.className = "kintone-stripe-checkout-config-help";
  help.textContent = options.help;

  wrapper.append(label, input, help);
  return { wrapper, input };
}
