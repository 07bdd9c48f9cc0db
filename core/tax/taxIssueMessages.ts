/** The texts of tax and invoice issues, in English and Japanese, for a kintone user. */
import type { LocalizedMessage } from "../engine/issueMessages";

const quote = (value: string): string => {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : value;
};

export const taxIssueMessages = {
  invalidTaxRate: (field: string, value: string): LocalizedMessage => ({
    en: `"${quote(value)}" in "${field}" is not a tax rate: use 10, 8 or 0 (percent).`,
    ja: `「${field}」の「${quote(value)}」は税率ではありません。10、8、0（%）のいずれかを指定してください。`,
  }),
  invalidRegistrationNumber: (key: string, value: string): LocalizedMessage => ({
    en: `The registration number "${quote(value)}" in the plugin settings ("${key}") is not "T" followed by 13 digits.`,
    ja: `プラグイン設定（${key}）の登録番号「${quote(value)}」は「T」と 13 桁の数字ではありません。`,
  }),
};
