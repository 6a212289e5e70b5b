/**
 * Vitest global setup for integration tests: use the broker at KAFKA_BROKERS (default the embedded one)
 * when it answers, else start the project's embedded broker and stop it again afterwards. Tests never
 * stop a broker they did not start.
 */
import { startBroker, stopBroker } from "@/scripts/kafka/broker";
import { brokerAnswers } from "@/scripts/kafka/probe";
import { testBrokers } from "@/server/test-support/kafka";

export default async function setup(): Promise<() => Promise<void>> {
  const address = testBrokers()[0] ?? "127.0.0.1:9092";
  if (await brokerAnswers(address, 3_000)) return async () => undefined;
  if (process.env.KAFKA_BROKERS)
    throw new Error(`KAFKA_BROKERS=${process.env.KAFKA_BROKERS} does not answer`);
  const started = await startBroker({}, (line) => console.log(`[kafka] ${line}`));
  console.log(
    `[kafka] embedded broker up on ${started.address} in ${started.startedInMs} ms for the integration tests`,
  );
  return async () => {
    if (!started.alreadyRunning) await stopBroker();
  };
}
