/** The line-item section: where each line item's name, price, quantity and image come from. */
import { Text } from "kintone-ui-component/lib/text";
import type { MappingFormState } from "../MappingFormState";
import { stateFieldDropdown } from "./fieldDropdown";
import { modeDropdown, radioChoice, row, section } from "./layout";
import { refRow } from "./refRow";
import { CLASS, type SettingsContext } from "./SettingsContext";

export function lineItemSection(context: SettingsContext): HTMLElement {
  const { t, state } = context;
  const unitPriceIn = radioChoice(
    [
      { label: t.settingsUnitPriceMajor, value: "major" },
      { label: t.settingsUnitPriceMinor, value: "minor" },
    ],
    state.unitPriceIn,
    (value) => (state.unitPriceIn = value === "minor" ? "minor" : "major"),
  );

  const lineItems = section(context, t.settingsSectionLineItems, t.settingsLineItemsHelp);
  lineItems.append(
    refRow(context, "productCode"),
    refRow(context, "name"),
    refRow(context, "description"),
    imageRow(context),
    refRow(context, "unitPrice"),
    row(context, "lineItem.unitPriceIn", t.settingsUnitPriceIn, unitPriceIn),
    refRow(context, "quantity"),
    refRow(context, "minQuantity"),
    refRow(context, "maxQuantity"),
  );
  return lineItems;
}

/** The image: an attachment field, and which of its files. */
function imageRow(context: SettingsContext): HTMLElement {
  const { t, state } = context;
  const imageChoice = modeDropdown(
    [
      { label: t.settingsImageFirst, value: "first" },
      { label: t.settingsImageNumber, value: "index" },
      { label: t.settingsImageAll, value: "all" },
    ],
    state.imageChoice,
  );
  const imageNumber = new Text({
    value: state.imageNumber,
    className: `${CLASS}-number`,
    textAlign: "right",
  });
  const showImage = () => {
    imageChoice.visible = state.imageField !== "";
    imageNumber.visible = state.imageField !== "" && state.imageChoice === "index";
  };
  const imageField = stateFieldDropdown(context, "file", "imageField", true, true);
  imageField.addEventListener("change", showImage);
  imageChoice.addEventListener("change", () => {
    state.imageChoice = imageChoice.value as MappingFormState["imageChoice"];
    showImage();
  });
  imageNumber.addEventListener("change", () => (state.imageNumber = imageNumber.value));
  showImage();
  context.errorTargets.set("lineItem.image", {
    label: t.settingsImage,
    show: (message) => {
      imageField.error = message;
    },
  });
  return row(
    context,
    "lineItem.image",
    t.settingsImage,
    [imageField, imageChoice, imageNumber],
    t.settingsImageHelp,
  );
}
