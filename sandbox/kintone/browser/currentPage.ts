/** The page's data as the sandbox server handed it over (see PageContext), read once when the script starts. */
import { PAGE_CONTEXT_ELEMENT_ID, type PageContext } from "./PageContext";

function readPageContext(): PageContext {
  const element = document.getElementById(PAGE_CONTEXT_ELEMENT_ID);
  if (element === null || element.textContent === null) {
    throw new Error(`kintone sandbox: #${PAGE_CONTEXT_ELEMENT_ID} is missing from the page`);
  }
  return JSON.parse(element.textContent) as PageContext;
}

/** Kept current: a list page replaces it when it shows another page of records. */
export const context = readPageContext();
