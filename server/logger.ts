/** The process logger. JSON lines in production; readable lines in a terminal during development. */
import { createRequire } from "node:module";
import pino from "pino";

export type Logger = pino.Logger;

/**
 * pino-pretty is a development dependency: an install without dev dependencies (`npm ci --omit=dev`) run
 * in a terminal must still start, with JSON lines, rather than fail to load the transport.
 */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY)): Logger {
  return pino({
    level,
    base: { app: "eventscope" },
    // Credentials must never reach a log line, whatever object gets logged.
    redact: ["*.password", "*.sasl.password", "*.adminToken", "*.token", "req.headers.cookie"],
    transport:
      pretty && prettyAvailable()
        ? { target: "pino-pretty", options: { translateTime: "HH:MM:ss", ignore: "pid,hostname,app" } }
        : undefined,
  });
}
