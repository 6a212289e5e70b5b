import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testConfig } from "@/server/test-support/config";
import { openEventStoreFor } from "@/server/store/open-store";
import { ingested } from "@/server/store/testing/ingested";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("openEventStoreFor", () => {
  it("keeps a store of the same cluster, and sets aside one filled from another cluster", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "es-cluster-"));
    dirs.push(dir);
    const { store: config } = testConfig({ EVENTSCOPE_STORE: "embedded", EVENTSCOPE_DATA_DIR: dir });
    const first = await openEventStoreFor(config, "cluster-a", undefined);
    await first.append({ events: [ingested({ offset: 0 })], positions: new Map([["orders/0", "1"]]) });
    await first.close();

    const same = await openEventStoreFor(config, "cluster-a", undefined);
    expect(same.positions()).toEqual(new Map([["orders/0", "1"]]));
    await same.close();

    const other = await openEventStoreFor(config, "cluster-b", undefined);
    expect(other.positions()).toEqual(new Map());
    expect(other.stats().events).toBe(0);
    expect(other.clusterId()).toBe("cluster-b");
    await other.close();
    expect(readdirSync(dir).some((f) => f.startsWith("events.db.cluster-cluster-a-"))).toBe(true);
  });
});
