import pino from "pino";

/** A logger that writes nothing, for tests whose code under test takes one. */
export const silentLogger = pino({ level: "silent" });
