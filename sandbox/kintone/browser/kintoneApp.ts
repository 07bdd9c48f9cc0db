/** `kintone.app`, `kintone.getLoginUser` and `kintone.space`: what the page shows and who looks at it. */
import { context } from "./currentPage";

function elementById(id: string): HTMLElement | null {
  return document.getElementById(id);
}

export const app = {
  getId: (): number => Number(context.appId),
  getQueryCondition: (): string | null => (context.page === "list" ? context.queryCondition : null),
  getQuery: (): string | null => (context.page === "list" ? context.query : null),
  getHeaderMenuSpaceElement: (): HTMLElement | null =>
    context.page === "list" ? elementById("kintone-header-menu-space") : null,
  getHeaderSpaceElement: (): HTMLElement | null =>
    context.page === "list" ? elementById("kintone-header-space") : null,
  /** The cells of a field in the list, one per record shown, in the records' order. */
  getFieldElements: (fieldCode: string): HTMLElement[] | null =>
    context.page === "list"
      ? [...document.querySelectorAll<HTMLElement>(`td[data-field="${CSS.escape(fieldCode)}"]`)]
      : null,
  record: {
    getId: (): number | null => (context.page === "detail" ? Number(context.recordId) : null),
    get: (): { record: unknown } | null =>
      context.page === "detail" ? { record: structuredClone(context.record) } : null,
    getHeaderMenuSpaceElement: (): HTMLElement | null =>
      context.page === "detail" ? elementById("kintone-record-header-menu-space") : null,
    getFieldElement: (fieldCode: string): HTMLElement | null =>
      context.page === "detail"
        ? document.querySelector<HTMLElement>(
            `[data-field="${CSS.escape(fieldCode)}"] .control-value`,
          )
        : null,
    getSpaceElement: (id: string): HTMLElement | null =>
      context.page === "detail" ? elementById(`kintone-space-${id}`) : null,
  },
};

export function getLoginUser(): Record<string, unknown> {
  const user = context.loginUser;
  return {
    id: user.id,
    code: user.code,
    name: user.name,
    email: user.email,
    url: "",
    employeeNumber: "",
    phone: "",
    mobilePhone: "",
    extensionNumber: "",
    timezone: user.timezone,
    isGuest: false,
    language: user.language,
  };
}

/**
 * The space the app is in (https://cybozu.dev/ja/kintone/docs/js-api/space/get-space): only guest
 * spaces are modelled; outside a space kintone answers an error.
 */
export const space = {
  get: (): Promise<{ id: string; name: string; isGuest: boolean }> =>
    context.guestSpaceId
      ? Promise.resolve({
          id: context.guestSpaceId,
          name: `Guest space ${context.guestSpaceId}`,
          isGuest: true,
        })
      : Promise.reject(new Error("kintone sandbox: this app is not in a space")),
};
