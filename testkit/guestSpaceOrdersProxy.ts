/**
 * The Orders proxy kit with the Orders app in a kintone guest space: the emulator serves the app
 * only under /k/guest/{space}/v1, the proxy holds its token as `APP_ID@SPACE:TOKEN`, and a call
 * bound the way the plug-in's settings bind it carries both binding headers.
 */
import { APP_BINDING_HEADER } from "../core/api/proxyApi";
import { GUEST_SPACE_BINDING_HEADER } from "../core/api/guestSpaceHeader";
import { ordersProxyPerTest } from "./ordersProxyPerTest";
import type { OrdersProxy, OrdersProxyOptions } from "./startOrdersProxy";

export const ORDERS_GUEST_SPACE_ID = "5";

/** A fresh guest-space Orders proxy per test (ordersProxyPerTest with the app in a guest space). */
export function guestSpaceOrdersProxyPerTest(options: OrdersProxyOptions = {}): OrdersProxy {
  return ordersProxyPerTest({ guestSpaceId: ORDERS_GUEST_SPACE_ID, ...options });
}

/** The headers kintone adds for the plug-in of an app in a guest space. */
export function guestSpaceBinding(
  appId: string,
  spaceId: string = ORDERS_GUEST_SPACE_ID,
): Record<string, string> {
  return { [APP_BINDING_HEADER]: appId, [GUEST_SPACE_BINDING_HEADER]: spaceId };
}
