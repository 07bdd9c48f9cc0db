/**
 * The real proxy from a set of environment variables, as tests start it: on 127.0.0.1, its journal
 * in memory and its log silent unless the options say otherwise.
 */
import pino from "pino";
import { loadConfig, type ProxyConfig } from "../proxy/config";
import { startProxy, type RunningProxy, type StartProxyOptions } from "../proxy/startProxy";

/** The configuration the variables give; throws with the configuration's message if they are wrong. */
export function testProxyConfig(env: Record<string, string | undefined>): ProxyConfig {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.config;
}

export function startTestProxy(
  env: Record<string, string | undefined>,
  options: StartProxyOptions = {},
): Promise<RunningProxy> {
  return startProxy(testProxyConfig(env), {
    host: "127.0.0.1",
    journalFile: ":memory:",
    logger: pino({ level: "silent" }),
    ...options,
  });
}
