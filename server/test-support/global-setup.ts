/**
 * Vitest global setup for integration tests: use the broker at KAFKA_BROKERS (default the embedded one)
 * when it answers, else start the project's embedded broker and stop it again afterwards. The embedded
 * schema registry (Apicurio Registry) is started the same way, beside the broker. Tests never stop a
 * broker or registry they did not start.
 */
import { startBroker, stopBroker } from "@/scripts/kafka/broker";
import { brokerAnswers } from "@/scripts/kafka/probe";
import { SetupError } from "@/scripts/kafka/jars";
import { startRegistry, stopRegistry } from "@/scripts/registry/registry";
import { testBrokers } from "@/server/test-support/kafka";

async function brokerForTests(): Promise<() => Promise<void>> {
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

async function registryForTests(): Promise<() => Promise<void>> {
  let started: Awaited<ReturnType<typeof startRegistry>>;
  try {
    started = await startRegistry({}, (line) => console.log(`[registry] ${line}`));
  } catch (error) {
    // Only the schema registry tests need it: they fail on their own, the rest of the suite still runs.
    if (!(error instanceof SetupError)) throw error;
    console.error(`[registry] not started, the schema registry tests will fail: ${error.message}`);
    return async () => undefined;
  }
  if (!started.alreadyRunning)
    console.log(`[registry] schema registry up at ${started.url} in ${started.startedInMs} ms`);
  return async () => {
    if (!started.alreadyRunning) await stopRegistry();
  };
}

export default async function setup(): Promise<() => Promise<void>> {
  // Both JVMs start at once: the registry's start is the longer one and overlaps the broker's.
  const [stopKafka, stopSchemaRegistry] = await Promise.all([brokerForTests(), registryForTests()]);
  return async () => {
    await Promise.all([stopKafka(), stopSchemaRegistry()]);
  };
}
