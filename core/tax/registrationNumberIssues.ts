/** The mapping's registration numbers that are not T + 13 digits, as engine issues naming the mapping key. */
import type { Issue } from "../engine/CheckoutPlan";
import { makeIssue } from "../engine/resolveValue";
import type { MappingConfig } from "../mapping/MappingConfig";
import { registrationNumberProblems } from "./registrationNumber";
import { taxIssueMessages } from "./taxIssueMessages";

export function registrationNumberIssues(mapping: MappingConfig): Issue[] {
  return registrationNumberProblems(mapping.invoiceCreation).map(({ key, value }) =>
    makeIssue(
      { recordId: "" },
      key,
      "INVALID_REGISTRATION_NUMBER",
      taxIssueMessages.invalidRegistrationNumber(key, value),
    ),
  );
}
