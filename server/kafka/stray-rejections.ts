/**
 * kafkajs 2.2.4 restarts a crashed consumer from a timer (`setTimeout(() => start(onCrash))` in its
 * consumer/index.js) and nothing holds that promise. When the broker is still away, the restart's own
 * clean-up fails and the rejection reaches the process unhandled: seen in CI while a broker restarted after
 * SIGTERM (KafkaJSNumberOfRetriesExceeded, connect ECONNREFUSED, from the collector's consumer). Node 20 ends
 * a process on an unhandled rejection, so one broker outage could take Eventscope down with it.
 *
 * A rejection that kafkajs left behind is logged and the process carries on: the collector notices its
 * consumer is gone and starts a new one, and the broker monitor reports the outage. Any other unhandled
 * rejection still ends the process, as Node's default does.
 */
import type { Logger } from "@/server/logger";

/**
 * A rejection kafkajs left unhandled: its errors are named KafkaJS…. Checked by name, not class, so that it
 * also recognises the error as a test runner hands it over from a worker (a plain object, serialised).
 */
export function isStrayKafkaRejection(reason: unknown): boolean {
  const name = typeof reason === "object" && reason !== null ? (reason as { name?: unknown }).name : null;
  return typeof name === "string" && name.startsWith("KafkaJS");
}

export function surviveStrayKafkaRejections(logger: Logger): void {
  process.on("unhandledRejection", (reason) => {
    if (!isStrayKafkaRejection(reason)) throw reason;
    logger.warn({ err: reason }, "the Kafka client left a failed request unhandled; carrying on");
  });
}
