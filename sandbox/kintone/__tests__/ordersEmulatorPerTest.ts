/** Test setup: a fresh Orders emulator and a REST client for each test, closed after it. */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { KintoneEmulator } from "../KintoneEmulator";
import { clientFor, startOrders } from "./ordersApp";

export interface StartedOrders {
  emulator: KintoneEmulator;
  client: KintoneRestAPIClient;
}

/** Registers the hooks; `onStart` receives each test's emulator and client. */
export function useOrdersEmulatorPerTest(onStart: (started: StartedOrders) => void): void {
  let emulator: KintoneEmulator | undefined;
  beforeEach(async () => {
    emulator = await startOrders();
    onStart({ emulator, client: clientFor(emulator) });
  });
  afterEach(async () => {
    await emulator?.close();
  });
}
