import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isStrayKafkaRejection } from "@/server/kafka/stray-rejections";
import { repoRoot } from "@/server/repo-root";

const child = path.join(repoRoot(), "server/kafka/testing/stray-rejection-child.ts");
const run = (kind: string) =>
  spawnSync(process.execPath, ["--import", "tsx", child, kind], { cwd: repoRoot(), encoding: "utf8" });

describe("unhandled rejections", () => {
  it("keeps running after one the Kafka client left behind, and logs it", () => {
    const result = run("kafkajs");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("still running");
    expect(result.stdout).toContain("the Kafka client left a failed request unhandled");
  });

  it("still ends the process on any other", () => {
    const result = run("plain");
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain("still running");
    expect(result.stderr).toContain("ECONNREFUSED");
  });

  it("tells kafkajs' errors from others by their name", () => {
    const kafkaError = Object.assign(new Error("x"), { name: "KafkaJSConnectionError" });
    expect(isStrayKafkaRejection(kafkaError)).toBe(true);
    expect(isStrayKafkaRejection(new TypeError("x"))).toBe(false);
    expect(isStrayKafkaRejection("KafkaJS")).toBe(false);
  });
});
