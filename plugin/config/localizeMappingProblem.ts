/**
 * core's validateMappingConfig (shared with the proxy) words its problems in English. The ones a
 * form can produce are recognised here and said in the user's language; anything else is shown as
 * core wrote it.
 */
import type { Messages } from "../i18n/messages";
import { formatMessage } from "./formatMessage";

type ProblemTexts = Pick<
  Messages,
  | "settingsProblemCurrency"
  | "settingsProblemImageBoth"
  | "settingsProblemPrice"
  | "settingsProblemWholeNumber"
  | "settingsProblemBetween"
  | "settingsProblemMaxBelowMin"
  | "settingsProblemQuantityAbove"
  | "settingsProblemQuantityBelow"
  | "settingsProblemUrl"
  | "settingsProblemWriteBackTwice"
>;

const PATTERNS: Array<[RegExp, keyof ProblemTexts, string[]]> = [
  [/^"(.*)" is not a currency Stripe supports$/, "settingsProblemCurrency", ["currency"]],
  [/^use either index .* not both$/, "settingsProblemImageBoth", []],
  [/^"(.*)" is not a valid price \((.*)\)$/s, "settingsProblemPrice", ["value", "reason"]],
  [/^"(.*)" is not a whole number$/s, "settingsProblemWholeNumber", ["value"]],
  [/^must be between (\d+) and (\d+)$/, "settingsProblemBetween", ["min", "max"]],
  [/^maximum (\d+) is below minimum (\d+)$/, "settingsProblemMaxBelowMin", ["max", "min"]],
  [
    /^quantity (\d+) is above the maximum (\d+)$/,
    "settingsProblemQuantityAbove",
    ["quantity", "max"],
  ],
  [
    /^quantity (\d+) is below the minimum (\d+)$/,
    "settingsProblemQuantityBelow",
    ["quantity", "min"],
  ],
  [/^must be an absolute http:\/\/ or https:\/\/ URL$/, "settingsProblemUrl", []],
  [
    /^field "(.+)" is already used by writeBack\.(\w+)$/,
    "settingsProblemWriteBackTwice",
    ["code", "other"],
  ],
];

/**
 * `nameField` turns a field code core quotes into how the screen names it ("価格 (unit_price)"),
 * `nameWriteBack` a write-back key ("sessionId") into the screen's name for it ("Session ID").
 */
export function localizeMappingProblem(
  message: string,
  messages: ProblemTexts,
  nameField: (code: string) => string = (code) => code,
  nameWriteBack: (key: string) => string = (key) => key,
): string {
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(message);
    if (match === null) continue;
    const values = Object.fromEntries(
      names.map((name, index) => {
        const value = match[index + 1] ?? "";
        const named =
          name === "code" ? nameField(value) : name === "other" ? nameWriteBack(value) : value;
        return [name, named];
      }),
    );
    return formatMessage(messages[key], values);
  }
  return message;
}
