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
});
