/**
 * `npm run proxy`: read the configuration (stop with every problem listed), start the proxy
 * (startProxy.ts), close it on SIGINT or SIGTERM. The only file that starts a proxy by being run;
 * code that starts one itself imports startProxy.ts, so that a bundle of it (whose entry is
 * `require.main`) never starts a second proxy from here.
 */
import { closeOnSignals } from "./closeOnSignals";
import { loadConfig, readEnvironment } from "./config";
import { createLogger } from "./logging/createLogger";
import { startProxy } from "./startProxy";

async function main(): Promise<void> {
  const result = loadConfig(readEnvironment());
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  const logger = createLogger({ level: result.config.logLevel });
  for (const warning of result.warnings) logger.warn(warning);
  const proxy = await startProxy(result.config, { logger });
  closeOnSignals(() => {
    logger.info("shutting down");
    return proxy.close();
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error("The proxy failed to start:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
