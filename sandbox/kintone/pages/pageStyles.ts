/** The look of kintone's screens, close enough that the plugin's UI can be judged in context. */
export const PAGE_STYLES = `
* { box-sizing: border-box; }
html, body { margin: 0; }
body {
  font-family: "Helvetica Neue", Arial, "Hiragino Kaku Gothic ProN", "Hiragino Sans", Meiryo, "Noto Sans CJK JP", sans-serif;
  font-size: 14px; color: #333; background: #f7f9fa;
}
a { color: #3498db; text-decoration: none; }
a:hover { text-decoration: underline; }

.gaia-header {
  display: flex; align-items: center; gap: 16px; height: 48px; padding: 0 20px;
  background: #4b5d6e; color: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.25);
}
.gaia-header-logo { font-size: 20px; font-weight: bold; letter-spacing: .5px; color: #fff; }
.gaia-header-logo .k { display: inline-block; width: 26px; height: 26px; margin-right: 6px; border-radius: 6px;
  background: #ffc629; color: #4b5d6e; text-align: center; line-height: 26px; font-size: 17px; vertical-align: 1px; }
.gaia-header-badge { font-size: 11px; padding: 2px 8px; border-radius: 10px; background: rgba(255,255,255,.16); }
.gaia-header-spacer { flex: 1; }
.gaia-header-search { width: 240px; height: 30px; border-radius: 15px; border: none; padding: 0 14px;
  background: rgba(255,255,255,.15); color: #fff; font-size: 13px; }
.gaia-header-search::placeholder { color: rgba(255,255,255,.7); }
.gaia-header-user { display: flex; align-items: center; gap: 8px; font-size: 13px; }
.gaia-header-avatar { width: 28px; height: 28px; border-radius: 50%; background: #8fa3b5; color: #fff;
  display: inline-flex; align-items: center; justify-content: center; font-weight: bold; }
.gaia-header-lang a { color: #dfe7ee; font-size: 12px; margin-left: 6px; }
.gaia-header-lang a.current { color: #fff; font-weight: bold; text-decoration: underline; }

.app-header { background: #fff; border-bottom: 1px solid #e3e7e8; padding: 10px 24px 0; }
.breadcrumb { font-size: 12px; color: #888; margin-bottom: 6px; }
.breadcrumb a { color: #888; }
.breadcrumb .sep { margin: 0 6px; color: #bbb; }
.app-title { display: flex; align-items: center; gap: 10px; font-size: 20px; font-weight: bold; padding-bottom: 12px; }
.app-icon { width: 32px; height: 32px; border-radius: 6px; display: inline-flex; align-items: center;
  justify-content: center; color: #fff; font-size: 16px; }

.toolbar { display: flex; align-items: center; gap: 10px; min-height: 56px; padding: 8px 24px;
  background: #fff; border-bottom: 1px solid #e3e7e8; }
.view-selector { position: relative; }
.view-selector select { appearance: none; min-width: 220px; height: 40px; padding: 0 36px 0 14px; font-size: 14px;
  border: 1px solid #e3e7e8; border-radius: 2px; background: #fff; color: #333; cursor: pointer;
  box-shadow: 1px 1px 1px rgba(0,0,0,.04) inset; }
.view-selector::after { content: ""; position: absolute; right: 14px; top: 17px; border: 5px solid transparent;
  border-top-color: #888; pointer-events: none; }
.toolbar-icon { width: 40px; height: 40px; border: 1px solid #e3e7e8; background: #fff; border-radius: 2px;
  display: inline-flex; align-items: center; justify-content: center; color: #888; font-size: 16px; }
.header-menu-space { display: flex; align-items: center; gap: 8px; }
.toolbar-spacer { flex: 1; }
.add-record { width: 40px; height: 40px; border-radius: 50%; border: none; background: #3498db; color: #fff;
  font-size: 24px; line-height: 40px; text-align: center; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
.gear { font-size: 20px; color: #888; }

.header-space { padding: 0 24px; }
.content { padding: 16px 24px 40px; }
.pager { display: flex; align-items: center; justify-content: flex-end; gap: 12px; margin-bottom: 8px; color: #666; font-size: 13px; }
.pager a, .pager span.disabled { display: inline-flex; width: 32px; height: 32px; align-items: center; justify-content: center;
  border: 1px solid #e3e7e8; background: #fff; color: #3498db; border-radius: 2px; }
.pager span.disabled { color: #ccc; }
.pager a:hover { text-decoration: none; background: #f5f9fa; }

.recordlist-wrap { overflow-x: auto; background: #fff; border: 1px solid #e3e7e8; }
table.recordlist { border-collapse: collapse; min-width: 100%; }
table.recordlist th { background: #f5f6f7; color: #666; font-weight: normal; font-size: 12px; text-align: left;
  padding: 10px 12px; border-bottom: 1px solid #e3e7e8; border-right: 1px solid #eef1f2; white-space: nowrap; }
table.recordlist th a.sort-link { color: #666; }
table.recordlist th a.sort-link:hover { color: #3498db; text-decoration: none; }
table.recordlist td { padding: 8px 12px; border-bottom: 1px solid #eef1f2; border-right: 1px solid #f3f5f6;
  vertical-align: middle; white-space: nowrap; max-width: 280px; overflow: hidden; text-overflow: ellipsis; }
table.recordlist tr:hover td { background: #f5f9fa; }
table.recordlist td.number { text-align: right; font-variant-numeric: tabular-nums; }
.detail-link { display: inline-flex; width: 24px; height: 24px; border-radius: 3px; align-items: center; justify-content: center;
  background: #eaf4fb; color: #3498db; font-size: 13px; }
.detail-link:hover { background: #3498db; color: #fff; text-decoration: none; }
.thumb { width: 36px; height: 36px; object-fit: cover; border-radius: 3px; border: 1px solid #e3e7e8; vertical-align: middle; }
.pill { display: inline-block; padding: 2px 10px; border-radius: 11px; font-size: 12px; background: #eef1f2; color: #555; }
.pill-paid, .pill-complete { background: #e3f6ea; color: #1e8449; }
.pill-open, .pill-unpaid { background: #eaf4fb; color: #2471a3; }
.pill-expired, .pill-failed { background: #fdecea; color: #b03a2e; }
.pill-refunded, .pill-partially_refunded { background: #fef5e7; color: #b9770e; }
.empty { padding: 40px; text-align: center; color: #999; }

.record-header { display: flex; align-items: center; gap: 12px; min-height: 56px; padding: 8px 24px; background: #fff;
  border-bottom: 1px solid #e3e7e8; }
.record-nav { color: #888; font-size: 13px; }
.record-body { display: flex; flex-wrap: wrap; gap: 12px 16px; padding: 20px 24px; margin: 16px 24px; background: #fff;
  border: 1px solid #e3e7e8; }
.control { min-width: 220px; max-width: 100%; padding: 6px 8px 10px; }
.control.wide { flex-basis: 100%; }
.control-label { font-size: 12px; color: #888; padding-bottom: 4px; border-bottom: 1px solid #eef1f2; margin-bottom: 6px; }
.control-value { font-size: 14px; min-height: 20px; word-break: break-word; }
.multiline { white-space: pre-wrap; }
.control-value img { max-width: 160px; max-height: 160px; border-radius: 4px; border: 1px solid #e3e7e8; margin: 2px 6px 2px 0; }
table.subtable { border-collapse: collapse; min-width: 480px; }
table.subtable th { background: #f5f6f7; color: #666; font-weight: normal; font-size: 12px; padding: 6px 10px;
  border: 1px solid #e3e7e8; text-align: left; }
table.subtable td { border: 1px solid #e3e7e8; padding: 6px 10px; }
table.subtable td.number { text-align: right; }

.settings-frame { margin: 16px 24px; background: #fff; border: 1px solid #e3e7e8; }
.settings-title { padding: 16px 24px; border-bottom: 1px solid #e3e7e8; }
.settings-title h1 { margin: 0 0 4px; font-size: 18px; }
.settings-title p { margin: 0; color: #888; font-size: 13px; }
.plugin-config-root { padding: 24px; min-height: 300px; }
.notice { margin: 16px 24px; padding: 12px 16px; background: #e3f6ea; color: #1e8449; border: 1px solid #bfe6cd; }
.plugin-row { display: flex; align-items: center; gap: 16px; padding: 16px 24px; border-bottom: 1px solid #eef1f2; }
.plugin-row .name { font-weight: bold; }
.plugin-row .desc { color: #888; font-size: 13px; }
.plugin-row img { width: 48px; height: 48px; }

.portal { max-width: 960px; margin: 24px auto; }
.portal h2 { font-size: 16px; color: #666; font-weight: normal; }
.app-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px; }
.app-card { background: #fff; border: 1px solid #e3e7e8; padding: 16px; display: flex; gap: 12px; align-items: flex-start; }
.app-card .links { font-size: 13px; margin-top: 6px; display: flex; gap: 12px; }
.portal-links { background: #fff; border: 1px solid #e3e7e8; padding: 12px 16px; margin-top: 16px; }
.portal-links li { margin: 4px 0; }

/* sandbox pages: the list's "+", Update App, the add-record form */
a.add-record { display: inline-block; text-decoration: none; }
.button { display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box;
  min-width: 96px; padding: 0 16px; height: 40px;
  border: 1px solid #e3e7e8; background: #f7f9fa; color: #3498db; font: inherit; font-weight: bold;
  text-align: center; text-decoration: none; cursor: pointer; }
.button.primary { background: #3498db; border-color: #3498db; color: #fff; }
.update-app { display: flex; justify-content: flex-end; margin: 16px 24px 0; }
.new-record { max-width: 960px; }
.form-actions { display: flex; gap: 8px; margin-bottom: 16px; }
.form-field { margin: 0 0 16px; }
.form-field > label { display: block; font-size: 13px; color: #333; margin-bottom: 4px; }
.form-field .required { color: #e74c3c; margin-left: 4px; }
.form-field input, .form-field select, .form-field textarea { font: inherit; padding: 6px 8px;
  border: 1px solid #e3e7e8; min-width: 280px; }
.form-field textarea { width: 100%; }
.subtable th { font-size: 12px; color: #666; text-align: left; padding: 4px; }
.subtable td { padding: 2px 4px; }
.subtable input { min-width: 120px; }
.field-error { color: #e74c3c; font-size: 13px; margin-top: 4px; }
.notice.error { background: #fdecea; color: #b03a2e; border-color: #f5c6c0; }
`;
