/** The line-item section: where each line item's name, price, quantity and image come from. */
import { Text } from "kintone-ui-component/lib/text";
import { LINE_ITEM_PURPOSES } from "../checkMappingForm";
import type { LineItemRefKey, MappingFormState } from "../MappingFormState";
import { fieldDropdown } from "./fieldDropdown";
import { modeDropdown, radioChoice, row, section } from "./layout";
import { REF_MODES, refRow } from "./refRow";
import { CLASS, type SettingsContext } from "./SettingsContext";

export function lineItemSection(context: SettingsContext): HTMLElement {
  const { t, state } = context;
  const lineItemLabels: Record<LineItemRefKey, [string, string]> = {
    productCode: [t.settingsProductCode, t.settingsProductCodeHelp],
    name: [t.settingsName, t.settingsNameHelp],
    description: [t.settingsDescription, t.settingsDescriptionHelp],
    unitPrice: [t.settingsUnitPrice, t.settingsUnitPriceHelp],
    quantity: [t.settingsQuantity, t.settingsQuantityHelp],
    minQuantity: [t.settingsMinQuantity, t.settingsMinQuantityHelp],
    maxQuantity: [t.settingsMaxQuantity, t.settingsMaxQuantityHelp],
  };
  const lineItemRow = (key: LineItemRefKey) => {
    const [label, help] = lineItemLabels[key];
    return refRow(context, {
      control: `lineItem.${key}`,
      label,
      help,
      modes: REF_MODES[key],
      ref: () => state.lineItem[key],
      purpose: LINE_ITEM_PURPOSES[key],
      required: key === "name" || key === "unitPrice",
    });
  };

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
    lineItemRow("productCode"),
    lineItemRow("name"),
    lineItemRow("description"),
    imageRow(context),
    lineItemRow("unitPrice"),
    row(context, "lineItem.unitPriceIn", t.settingsUnitPriceIn, unitPriceIn),
    lineItemRow("quantity"),
    lineItemRow("minQuantity"),
    lineItemRow("maxQuantity"),
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
  const imageField = fieldDropdown(
    context,
    "file",
    () => state.imageField,
    (code) => {
      state.imageField = code;
      showImage();
    },
    true,
    true,
  );
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
