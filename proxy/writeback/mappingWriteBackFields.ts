/**
 * `writeBackFields` for a whole mapping: its fields, with the app's own texts (`statusLabels`)
 * for the states written into status drop-downs.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { writeBackFields, type RecordFields, type WriteBackState } from "./writeBackFields";

export function mappingWriteBackFields(
  mapping: Pick<MappingConfig, "writeBack" | "statusLabels">,
  state: WriteBackState,
): RecordFields {
  return writeBackFields(mapping.writeBack, state, mapping.statusLabels);
}
