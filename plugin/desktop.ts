// Desktop (PC) entry: wires kintone events to the plugin's modules; no logic of its own.
import { messagesForLoginUser } from "./i18n/messages";
import { addListButton } from "./list/addListButton";
import { countViewRecords, type IndexShowEvent } from "./list/countViewRecords";
import { showViewSummaryDialog } from "./list/showViewSummaryDialog";

kintone.events.on("app.record.index.show", (event: IndexShowEvent) => {
  const messages = messagesForLoginUser();
  addListButton(kintone.app.getHeaderMenuSpaceElement(), {
    label: messages.listButtonLabel,
    onClick: () => showViewSummaryDialog(document, countViewRecords(event), messages),
  });
  return event;
});
