/**
 * The demo's logger: pino, readable in a terminal, JSON lines otherwise. Per-message lines are debug
 * (at 50 orders/s info would drown the terminal); lifecycle, counters and problems are info and above.
 * kafkajs logs through the same logger so its warnings carry the service they came from.
 */
import { type logCreator, logLevel } from "kafkajs";
import pino from "pino";

export type Logger = pino.Logger;

export function createDemoLogger(level = "info", pretty = Boolean(process.stdout.isTTY)): Logger {
  return pino({
    level,
    base: { app: "demo" },
    transport:
      pretty && level !== "silent"
        ? { target: "pino-pretty", options: { translateTime: "HH:MM:ss", ignore: "pid,hostname,app" } }
        : undefined,
  });
}

const levels: Partial<Record<logLevel, "error" | "warn" | "info" | "debug">> = {
  [logLevel.ERROR]: "error",
  [logLevel.WARN]: "warn",
  [logLevel.INFO]: "info",
  [logLevel.DEBUG]: "debug",
};

/** Routes kafkajs' own log lines into pino, tagged with the client (service) that wrote them. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const method = levels[level];
      if (!method) return;
      const { message, ...extra } = log;
      logger[method]({ kafkajs: namespace, ...extra }, message);
    };
}
