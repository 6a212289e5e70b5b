/**
 * The recent-traces list on a busy host: its work budget must not shrink it to the newest trace or two,
 * and it must let the event loop turn while it stitches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tracesQuerySchema } from "@/lib/api/traces";
import type { EventStore } from "@/server/store/event-store";
import { SqliteEventStore } from "@/server/store/sqlite/sqlite-event-store";
import { fillStore } from "@/server/store/testing/fill-store";
import { traceOf } from "@/server/store/testing/ingested";
import { createTraceService } from "@/server/traces/trace-service";

const TRACES = 200;
let store: SqliteEventStore;

beforeAll(async () => {
  store = await SqliteEventStore.open({
    path: ":memory:",
    retentionMs: 3_600_000,
    diskBudgetBytes: 1 << 30,
    cacheBytes: 8 << 20,
  });
  await fillStore(store, TRACES * 4); // four events a trace, the newest trace written last
});
afterAll(() => store.close());

/** The store, but each trace lookup costs `ms` of CPU first: a host so busy a summary takes that long. */
function slowed(inner: EventStore, ms: number): EventStore {
  return new Proxy(inner, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (prop !== "byTraceId") return method.bind(target);
      return (...args: unknown[]) => {
        const until = performance.now() + ms;
        while (performance.now() < until) {
          // busy, as a loaded CPU would be
        }
        return method.apply(target, args);
      };
    },
  });
}

describe("recent traces on a busy host", () => {
  it("still lists the newest 50 traces, newest first, marked partial, and lets the event loop turn", async () => {
    const service = createTraceService({
      store: slowed(store, 3),
      consumption: () => [],
      isOwnGroup: () => false,
      isDlqTopic: () => false,
    });
    let turns = 0;
    const turn = () => {
      turns++;
      if (!done) setImmediate(turn);
    };
    let done = false;
    setImmediate(turn);
    const list = await service.listRecent(tracesQuerySchema.parse({ limit: 100 }));
    done = true;

    // 3 ms a trace: the 40 ms budget alone would have stopped after about 13.
    expect(list.traces.length).toBeGreaterThanOrEqual(50);
    expect(list.traces.length).toBeLessThan(100);
    expect(list.partial).toBe(true);
    const newest = Array.from({ length: list.traces.length }, (_, n) => traceOf(TRACES - n));
    expect(list.traces.map((t) => t.traceId)).toEqual(newest);
    // 150 ms of stitching in slices of about 10 ms: other work ran in between.
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});
