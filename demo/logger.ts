/**
 * The demo's logger: pino, readable in a terminal, JSON lines otherwise. Per-message lines are debug
 * (at 50 orders/s info would drown the terminal); lifecycle, counters and problems are info and above.
 * kafkajs logs through the same logger so its warnings carry the service they came from.
 */
import type { logCreator } from "kafkajs";
import pino from "pino";
import { kafkaLogLevel } from "@/lib/kafka/log-level";

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

/** Routes kafkajs' own log lines into pino, tagged with the client (service) that wrote them. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const method = kafkaLogLevel(level, extra);
      if (!method) return;
      logger[method]({ kafkajs: namespace, ...extra }, message);
    };
}
