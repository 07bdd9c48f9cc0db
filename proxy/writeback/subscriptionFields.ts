/**
 * A subscription's journalled state → the kintone fields a mapping's `writeBack` names: its id,
 * Stripe's state, the period's end (DATETIME), and once a period was billed, that period's
 * payment (`paymentStatus` `paid` / `failed`, through the app's `statusLabels`) and when it was paid.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { JournalSubscription } from "../journal/SubscriptionStore";
import { mappingWriteBackFields } from "./mappingWriteBackFields";
import { toKintoneDateTime, type RecordFields } from "./writeBackFields";

export function subscriptionFields(
  mapping: Pick<MappingConfig, "writeBack" | "statusLabels">,
  subscription: JournalSubscription,
): RecordFields {
  const { writeBack } = mapping;
  const fields: RecordFields =
    subscription.paymentStatus === null
      ? {}
      : mappingWriteBackFields(mapping, {
          paymentStatus: subscription.paymentStatus,
          ...(subscription.paidAt ? { paidAt: subscription.paidAt } : {}),
        });
  if (writeBack.subscriptionId !== undefined) {
    fields[writeBack.subscriptionId] = { value: subscription.subscriptionId };
  }
  if (writeBack.subscriptionStatus !== undefined && subscription.status !== null) {
    fields[writeBack.subscriptionStatus] = { value: subscription.status };
  }
  if (writeBack.currentPeriodEnd !== undefined && subscription.currentPeriodEnd !== null) {
    fields[writeBack.currentPeriodEnd] = {
      value: toKintoneDateTime(new Date(subscription.currentPeriodEnd * 1000)),
    };
  }
  return fields;
}
