/**
 * A fresh Orders proxy for every test of the file (or `describe`) that calls this: started in
 * beforeEach, closed in afterEach. The object returned always stands for the current test's proxy.
 */
import { startOrdersProxy, type OrdersProxy, type OrdersProxyOptions } from "./startOrdersProxy";

export function ordersProxyPerTest(options: OrdersProxyOptions = {}): OrdersProxy {
  let current: OrdersProxy | undefined;
  beforeEach(async () => {
    current = await startOrdersProxy(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const running = (): OrdersProxy => {
    if (!current) throw new Error("the Orders proxy runs only while a test runs");
    return current;
  };
  return new Proxy({} as OrdersProxy, {
    get: (_target, key) => Reflect.get(running(), key),
    set: (_target, key, value) => Reflect.set(running(), key, value),
  });
}
