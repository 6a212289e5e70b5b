import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeBrokerConfig } from "./broker-config";
import { brokerInstance } from "./paths";

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe("embedded broker configuration", () => {
  it("turns topic auto-creation off, so reading or writing a missing topic never creates it", () => {
    dir = mkdtempSync(path.join(tmpdir(), "eventscope-broker-config-"));
    const { propsFile } = writeBrokerConfig(brokerInstance({ stateDir: dir }));
    const props = readFileSync(propsFile, "utf8").split("\n");
    expect(props).toContain("auto.create.topics.enable=false");
  });

  it("adds a secured listener beside PLAINTEXT, advertised and mapped to its protocol, with its settings", () => {
    dir = mkdtempSync(path.join(tmpdir(), "eventscope-broker-config-"));
    const { propsFile } = writeBrokerConfig(
      brokerInstance({
        stateDir: dir,
        port: 29092,
        controllerPort: 29094,
        extraListeners: [{ name: "SASL_SSL", port: 29093, protocol: "SASL_SSL" }],
        extraProperties: { "sasl.enabled.mechanisms": "SCRAM-SHA-512" },
      }),
    );
    const props = readFileSync(propsFile, "utf8").split("\n");
    expect(props).toContain(
      "listeners=PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29094,SASL_SSL://127.0.0.1:29093",
    );
    expect(props).toContain("advertised.listeners=PLAINTEXT://127.0.0.1:29092,SASL_SSL://127.0.0.1:29093");
    expect(props).toContain(
      "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL",
    );
    expect(props).toContain("sasl.enabled.mechanisms=SCRAM-SHA-512");
  });
});
