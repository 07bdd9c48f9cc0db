/** Checks the whole settings form, the connection and the mapping, into one list of errors. */
import type { Messages } from "../i18n/messages";
import { checkMappingForm, type FormError } from "./checkMappingForm";
import type { FormField } from "./formFields";
import type { MappingFormState } from "./MappingFormState";
import { validateProxySettings } from "./validateProxySettings";

/** Any valid URL, to check a typed secret while the URL itself is still wrong. */
const SECRET_CHECK_URL = "https://proxy.invalid/";

export interface TypedConnection {
  proxyUrl: string;
  secret: string;
  /** A secret is stored already, so an empty one keeps it. */
  secretStored: boolean;
}

export function checkSettingsForm(
  connection: TypedConnection,
  state: MappingFormState,
  fields: FormField[] | undefined,
  t: Messages,
) {
  const { proxyUrl, secret } = connection;
  const connectionCheck = validateProxySettings({ proxyUrl, secret }, t);
  const mappingCheck = checkMappingForm(state, fields, t);
  const errors: FormError[] = [];
  if (!connectionCheck.ok) {
    const empty = connectionCheck.field === "proxyUrl" && proxyUrl.trim() === "";
    errors.push({
      control: connectionCheck.field,
      message: empty ? t.settingsErrorEnterUrl : connectionCheck.message,
    });
    // A wrong URL hides what is wrong with the secret: check it on its own too.
    if (connectionCheck.field === "proxyUrl") {
      if (secret.trim() === "") {
        if (!connection.secretStored)
          errors.push({ control: "secret", message: t.errorProxySecretRequired });
      } else {
        const secretCheck = validateProxySettings({ proxyUrl: SECRET_CHECK_URL, secret }, t);
        if (!secretCheck.ok) errors.push({ control: "secret", message: secretCheck.message });
      }
    }
  }
  if (!mappingCheck.ok) errors.push(...mappingCheck.errors);
  return { connectionCheck, mappingCheck, errors };
}
