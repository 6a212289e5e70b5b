/** The process logger. JSON lines in production; readable lines in a terminal during development. */
import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string, pretty = process.stdout.isTTY): Logger {
  return pino({
    level,
    base: { app: "eventscope" },
    // Credentials must never reach a log line, whatever object gets logged.
    redact: ["*.password", "*.sasl.password", "*.adminToken", "*.token", "req.headers.cookie"],
    transport: pretty
      ? { target: "pino-pretty", options: { translateTime: "HH:MM:ss", ignore: "pid,hostname,app" } }
      : undefined,
  });
}
