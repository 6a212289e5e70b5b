import { describe, expect, it } from "vitest";
import {
  type TailAction,
  type TailState,
  droppedLastSecond,
  emptyTail,
  tailReducer,
} from "@/components/events/tail-reducer";
import {
  makeTailEvent as makeEvent,
  offsetsOf as ids,
  tailBatch as batch,
  tailEvents as events,
} from "@/components/events/test-support/tail-events";

const run = (actions: TailAction[], cap?: number, from: TailState = emptyTail()) =>
  actions.reduce((state, action) => tailReducer(state, action, cap), from);

describe("tailReducer", () => {
  it("shows the newest event first when batches arrive oldest first", () => {
    const state = run([batch(events(1, 2)), batch(events(3))]);
    expect(ids(state.rows)).toEqual([3, 2, 1]);
  });

  it("orders one flush by timestamp, since partitions arrive interleaved", () => {
    const newer = makeEvent(20, "a");
    const older = { ...makeEvent(21, "b"), timestamp: 1 };
    const state = run([batch([newer, older])]);
    expect(state.rows.map((e) => e.id)).toEqual([newer.id, older.id]);
  });

  it("keeps arrival order for events with the same timestamp", () => {
    const same = events(1, 2, 3).map((e) => ({ ...e, timestamp: 5 }));
    expect(ids(run([batch(same)]).rows)).toEqual([3, 2, 1]);
  });

  it("caps the buffer, keeping the newest entries", () => {
    const state = run([batch(events(1, 2, 3)), batch(events(4, 5))], 3);
    expect(ids(state.rows)).toEqual([5, 4, 3]);
  });

  it("keeps the newest entries when a single batch is larger than the cap", () => {
    expect(ids(run([batch(events(1, 2, 3, 4, 5))], 2).rows)).toEqual([5, 4]);
  });

  it("skips an event it already holds (a reconnect may resend it)", () => {
    const state = run([batch(events(1, 2)), batch(events(2, 3)), batch(events(3))]);
    expect(ids(state.rows)).toEqual([3, 2, 1]);
  });

  it("puts backfilled history below live rows and skips duplicates", () => {
    const live = run([batch(events(10, 11))]);
    const state = tailReducer(live, { type: "backfill", events: events(11, 9, 8) });
    expect(ids(state.rows)).toEqual([11, 10, 9, 8]);
  });

  it("backfills only up to the cap", () => {
    const state = run([batch(events(10)), { type: "backfill", events: events(9, 8, 7) }], 3);
    expect(ids(state.rows)).toEqual([10, 9, 8]);
  });

  describe("pause", () => {
    it("freezes the rows and counts what arrives meanwhile", () => {
      const state = run([batch(events(1)), { type: "pause" }, batch(events(2, 3)), batch(events(4))]);
      expect(ids(state.rows)).toEqual([1]);
      expect(ids(state.pending)).toEqual([4, 3, 2]);
      expect(state.newWhilePaused).toBe(3);
    });

    it("shows what arrived while paused on resume, newest first, and resets the counter", () => {
      const state = run([batch(events(1)), { type: "pause" }, batch(events(2, 3)), { type: "resume" }]);
      expect(ids(state.rows)).toEqual([3, 2, 1]);
      expect(state.pending).toEqual([]);
      expect(state.paused).toBe(false);
      expect(state.newWhilePaused).toBe(0);
    });

    it("caps what it holds while paused but still counts everything that arrived", () => {
      const state = run([{ type: "pause" }, batch(events(1, 2, 3, 4, 5))], 2);
      expect(ids(state.pending)).toEqual([5, 4]);
      expect(state.newWhilePaused).toBe(5);
      expect(ids(tailReducer(state, { type: "resume" }, 2).rows)).toEqual([5, 4]);
    });

    it("does not count an event twice when it arrives again while paused", () => {
      const state = run([batch(events(1)), { type: "pause" }, batch(events(1, 2)), batch(events(2))]);
      expect(ids(state.pending)).toEqual([2]);
      expect(state.newWhilePaused).toBe(1);
    });

    it("still takes backfilled history while paused, below the frozen rows", () => {
      const state = run([batch(events(5)), { type: "pause" }, { type: "backfill", events: events(4) }]);
      expect(ids(state.rows)).toEqual([5, 4]);
    });

    it("treats pause and resume as idempotent", () => {
      const paused = run([batch(events(1)), { type: "pause" }, batch(events(2))]);
      expect(tailReducer(paused, { type: "pause" })).toBe(paused);
      const live = emptyTail();
      expect(tailReducer(live, { type: "resume" })).toBe(live);
    });
  });

  describe("hold (pointer on the list)", () => {
    it("holds new events back while the pointer is on the list and shows them when it leaves", () => {
      const held = run([batch(events(1)), { type: "hold" }, batch(events(2))]);
      expect(ids(held.rows)).toEqual([1]);
      expect(held.newWhilePaused).toBe(1);
      const released = tailReducer(held, { type: "release" });
      expect(ids(released.rows)).toEqual([2, 1]);
      expect(released.newWhilePaused).toBe(0);
    });

    it("stays paused when the pointer leaves a list the person paused", () => {
      const state = run([{ type: "pause" }, { type: "hold" }, batch(events(1)), { type: "release" }]);
      expect(state.rows).toEqual([]);
      expect(ids(state.pending)).toEqual([1]);
      expect(state.newWhilePaused).toBe(1);
    });

    it("keeps holding after resume while the pointer is still on the list", () => {
      const state = run([{ type: "hold" }, { type: "pause" }, batch(events(1)), { type: "resume" }]);
      expect(state.rows).toEqual([]);
      expect(state.paused).toBe(false);
      expect(ids(tailReducer(state, { type: "release" }).rows)).toEqual([1]);
    });

    it("keeps counting when a held list is also paused", () => {
      const state = run([{ type: "hold" }, batch(events(1)), { type: "pause" }, batch(events(2))]);
      expect(state.newWhilePaused).toBe(2);
    });
  });

  describe("sampling", () => {
    it("sums what the server dropped within the last second", () => {
      const state = run([batch([], 40, 1_000), batch(events(1), 25, 1_600), batch([], 10, 2_100)]);
      expect(droppedLastSecond(state)).toBe(35);
      expect(droppedLastSecond(tailReducer(state, { type: "tick", at: 3_200 }))).toBe(0);
    });

    it("forgets old drop reports on a tick even when no batch arrives", () => {
      const state = run([batch([], 40, 1_000), { type: "tick", at: 2_500 }]);
      expect(state.drops).toEqual([]);
    });

    it("returns the same state from a tick that changes nothing, so the cache does not re-render", () => {
      const state = run([batch(events(1))]);
      expect(tailReducer(state, { type: "tick", at: 5_000 })).toBe(state);
    });
  });
});
