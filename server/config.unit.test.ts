import { describe, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { configProblems } from "@/server/test-support/config";

const problems = configProblems;

describe("loadConfig", () => {
  it("defaults to the embedded broker on 127.0.0.1:9092, port 3000 bound to 127.0.0.1 and a 1 h lookback", () => {
    const config = loadConfig({});
    expect(config.kafka.brokers).toEqual(["127.0.0.1:9092"]);
    expect(config.http).toEqual({ host: "127.0.0.1", port: 3000, allowedHosts: [] });
    expect(config.lookbackMs).toBe(3_600_000);
    expect(config.memoryBudgetBytes).toBe(256 * 1024 * 1024);
    expect(config.store).toMatchObject({ backend: "embedded", retentionMs: 3_600_000 });
  });

  it("splits a comma-separated broker list and parses durations", () => {
    const config = loadConfig({ KAFKA_BROKERS: "a:9092, b:9093", EVENTSCOPE_LOOKBACK: "15m" });
    expect(config.kafka.brokers).toEqual(["a:9092", "b:9093"]);
    expect(config.lookbackMs).toBe(15 * 60_000);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ KAFKA_BROKERS: "" }).kafka.brokers).toEqual(["127.0.0.1:9092"]);
  });

  it("reports one line per bad variable, naming it", () => {
    const lines = problems({
      KAFKA_BROKERS: "nohost",
      EVENTSCOPE_PORT: "99999",
      EVENTSCOPE_LOOKBACK: "soon",
    });
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.startsWith("KAFKA_BROKERS:"))).toBe(true);
    expect(lines.some((l) => l.startsWith("EVENTSCOPE_PORT:"))).toBe(true);
    expect(lines.some((l) => l.startsWith("EVENTSCOPE_LOOKBACK:"))).toBe(true);
  });

  it("rejects half-configured SASL instead of connecting without credentials", () => {
    expect(problems({ KAFKA_SASL_MECHANISM: "plain" })).toEqual([
      "KAFKA_SASL_*: set all of KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD",
    ]);
  });

  it("never echoes a secret value in its error", () => {
    const lines = problems({ EVENTSCOPE_ADMIN_TOKEN: "short-secret" });
    expect(lines.join("\n")).not.toContain("short-secret");
    expect(lines[0]).toMatch(/^EVENTSCOPE_ADMIN_TOKEN:/);
  });
});
