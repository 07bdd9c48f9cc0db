/**
 * The `kintone.mobile` part of the sandbox's in-page API, as kintone mobile's record detail
 * screen offers it (https://cybozu.dev/ja/kintone/docs/js-api/app/get-mobile-header-element/,
 * https://cybozu.dev/ja/kintone/docs/js-api/record/get-space-element): answers only on the mobile
 * record page (`context.mobile`), null elsewhere, as kintone does outside the screens it names.
 */
import { MOBILE_HEADER_SPACE_ID, type PageContext } from "./PageContext";

function mobileRecordPage(context: PageContext) {
  return context.page === "detail" && context.mobile === true ? context : undefined;
}

/** https://cybozu.dev/ja/kintone/docs/js-api/events/detail/detail-show-event */
export function detailShowEventType(context: PageContext): string {
  return mobileRecordPage(context) ? "mobile.app.record.detail.show" : "app.record.detail.show";
}

export function mobileKintone(context: PageContext) {
  const onRecord = <T>(answer: (page: NonNullable<ReturnType<typeof mobileRecordPage>>) => T) => {
    const page = mobileRecordPage(context);
    return page === undefined ? null : answer(page);
  };
  return {
    app: {
      getId: (): number | null => (mobileRecordPage(context) ? Number(context.appId) : null),
      getHeaderSpaceElement: (): HTMLElement | null =>
        onRecord(() => document.getElementById(MOBILE_HEADER_SPACE_ID)),
      record: {
        getId: (): number | null => onRecord((page) => Number(page.recordId)),
        get: (): { record: unknown } | null =>
          onRecord((page) => ({ record: structuredClone(page.record) })),
        getFieldElement: (fieldCode: string): HTMLElement | null =>
          onRecord(() =>
            document.querySelector<HTMLElement>(
              `[data-field="${CSS.escape(fieldCode)}"] .control-value`,
            ),
          ),
        getSpaceElement: (id: string): HTMLElement | null =>
          onRecord(() => document.getElementById(`kintone-space-${id}`)),
      },
    },
  };
}
