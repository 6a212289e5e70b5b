import { type Config, ConfigError, loadConfig } from "@/server/config";
import { testBrokers } from "@/server/test-support/kafka";

/** A config for tests: the test broker, a random port, fast broker checks; override what a test needs. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    KAFKA_BROKERS: testBrokers().join(","),
    EVENTSCOPE_PORT: "3000",
    EVENTSCOPE_BROKER_CHECK_INTERVAL: "500ms",
    // Each test app gets its own store; tests that exercise the disk store say so.
    EVENTSCOPE_STORE: "memory",
    ...env,
  });
}

/** The problems loadConfig reports for `env`, one line each; [] when it is valid. */
export function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
