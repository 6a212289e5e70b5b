import { describe, expect, it } from "vitest";
import { LagState } from "@/server/lag/lag-state";
import { group, member, observation } from "@/server/lag/testing/observations";

const newState = () => new LagState({ history: { capacity: 100, slotMs: 1_000 }, minStopSpanMs: 10_000 });
const figures = (state: LagState, id: string) =>
  [...(state.groups.get(id)?.partitions.values() ?? [])].map((p) => [p.topic, p.partition, p.figures.lag]);

describe("LagState", () => {
  it("computes offset lag per partition, unknown where the group never committed", () => {
    const state = newState();
    state.apply(observation(1_000, [group("g", { orders: [5n, null] })], { orders: [9n, 4n] }));
    expect(figures(state, "g")).toEqual([
      ["orders", 0, 4n],
      ["orders", 1, null],
    ]);
  });

  it("includes every partition of a topic the group reads, and partitions assigned but never committed", () => {
    const state = newState();
    const owner = member("m1", { payments: [0, 1] });
    state.apply(
      observation(1_000, [group("g", { orders: [5n] }, [owner])], {
        orders: [5n, 7n, 2n],
        payments: [3n, 3n],
      }),
    );
    expect(figures(state, "g")).toEqual([
      ["orders", 0, 0n],
      ["orders", 1, null],
      ["orders", 2, null],
      ["payments", 0, null],
      ["payments", 1, null],
    ]);
    expect(state.groups.get("g")?.partitions.get("payments\u00000")?.figures.owner?.memberId).toBe("m1");
  });

  it("estimates time lag from the end-offset history and calls a silent lagging partition STOP", () => {
    const state = newState();
    state.apply(observation(0, [group("g", { t: [100n] })], { t: [100n] }));
    state.apply(observation(10_000, [group("g", { t: [100n] })], { t: [200n] }));
    const p = state.groups.get("g")?.partitions.get("t\u00000");
    // Offset 100 was the end at t=0 and the log grew by 100 in 10 s: the next record was written at ~0 s.
    expect(p?.figures.timeLag?.ms).toBe(10_000);
    expect(p?.figures.status).toBe("OK");
    state.apply(observation(10_001, [group("g", { t: [100n] })], { t: [201n] }));
    expect(p?.figures.status).toBe("STOP");
  });

  it("drops groups Kafka no longer lists and the end offsets of topics nobody reads", () => {
    const state = newState();
    state.apply(observation(1_000, [group("a", { x: [1n] }), group("b", { y: [1n] })], { x: [1n], y: [1n] }));
    state.apply(observation(2_000, [group("a", { x: [1n] })], { x: [1n] }));
    expect([...state.groups.keys()]).toEqual(["a"]);
    expect(state.endOffsetTable("y", 0)).toBeUndefined();
    expect(state.endOffsetTable("x", 0)?.points).toHaveLength(2);
  });

  it("keeps a group's last figures when its offsets or a topic's end offsets could not be read", () => {
    const state = newState();
    state.apply(observation(1_000, [group("g", { t: [1n] })], { t: [3n] }));
    state.apply(observation(2_000, [group("g", null)], {}));
    expect(figures(state, "g")).toEqual([["t", 0, 2n]]);
    state.apply(observation(3_000, [group("g", { t: [3n] })], {}, ["t"]));
    expect(figures(state, "g")).toEqual([["t", 0, 2n]]);
  });

  it("starts a new end-offset history when a topic's log got shorter (re-created)", () => {
    const state = newState();
    state.apply(observation(1_000, [group("g", { t: [50n] })], { t: [100n] }));
    state.apply(observation(2_000, [group("g", { t: [0n] })], { t: [4n] }));
    expect(state.endOffsetTable("t", 0)?.points.map((p) => p.offset)).toEqual([4n]);
    expect(figures(state, "g")).toEqual([["t", 0, 4n]]);
  });
});
