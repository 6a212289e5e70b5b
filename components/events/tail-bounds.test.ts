import { describe, expect, it } from "vitest";
import { approxBytes } from "@/components/events/tail-bounds";
import {
  offsetsOf as ids,
  makeTailEvent,
  tailBatch as batch,
  tailEvents as events,
} from "@/components/events/test-support/tail-events";
import { type TailAction, emptyTail, tailReducer } from "@/components/events/tail-reducer";

/** An event weighing about `kb` kilobytes, all of it in its preview. */
const heavy = (offset: number, kb: number) => ({ ...makeTailEvent(offset), preview: "x".repeat(kb * 512) });
const run = (actions: TailAction[], cap: number, budget: number) =>
  actions.reduce((state, action) => tailReducer(state, action, cap, budget), emptyTail());

describe("the tail's running count of events shown", () => {
  it("counts every live event put in the list, also those newer ones pushed out since", () => {
    const state = run([batch(events(1, 2, 3)), batch(events(4, 5))], 3, Infinity);
    expect(ids(state.rows)).toEqual([5, 4, 3]);
    expect(state.appended).toBe(5);
  });

  it("counts only the events of an oversized flush that made it into the list", () => {
    expect(run([batch(events(1, 2, 3, 4, 5))], 2, Infinity).appended).toBe(2);
  });

  it("does not count backfilled history or an event sent again", () => {
    const state = run(
      [{ type: "backfill", events: events(3, 2) }, batch(events(3, 4)), batch(events(4))],
      10,
      Infinity,
    );
    expect(ids(state.rows)).toEqual([4, 3, 2]);
    expect(state.appended).toBe(1);
  });

  it("counts what waited while paused when resuming shows it, not before", () => {
    const paused = run([batch(events(1)), { type: "pause" }, batch(events(2, 3))], 10, Infinity);
    expect(paused.appended).toBe(1);
    expect(tailReducer(paused, { type: "resume" }).appended).toBe(3);
  });

  it("counts events the inbox let go while paused as new, never as shown", () => {
    const state = run([{ type: "pause" }, batch(events(1, 2), 0, 0, 10), { type: "resume" }], 10, Infinity);
    expect(ids(state.rows)).toEqual([2, 1]);
    expect(state.appended).toBe(2);
    const stillPaused = run([{ type: "pause" }, batch(events(1, 2), 0, 0, 10)], 10, Infinity);
    expect(stillPaused.newWhilePaused).toBe(12);
  });
});

describe("the tail's memory bound", () => {
  it("weighs an event by the characters it holds", () => {
    expect(approxBytes(heavy(1, 100)) - approxBytes(makeTailEvent(1))).toBe(100 * 1024);
  });

  it("keeps the newest rows that fit the byte budget, whatever the row cap allows", () => {
    const list = [heavy(1, 100), heavy(2, 100), heavy(3, 100), heavy(4, 100)];
    const state = run([batch(list)], 1_000, 250 * 1024);
    expect(ids(state.rows)).toEqual([4, 3]);
    expect(state.appended).toBe(2);
  });

  it("still shows a single event larger than the whole budget", () => {
    expect(ids(run([batch([heavy(1, 10), heavy(2, 500)])], 1_000, 100 * 1024).rows)).toEqual([2]);
  });

  it("bounds what waits while paused by bytes too, still counting everything that arrived", () => {
    const state = run(
      [{ type: "pause" }, batch([heavy(1, 100), heavy(2, 100), heavy(3, 100)])],
      1_000,
      250 * 1024,
    );
    expect(ids(state.pending)).toEqual([3, 2]);
    expect(state.newWhilePaused).toBe(3);
  });

  it("bounds backfilled history by bytes", () => {
    const state = run(
      [batch([heavy(5, 100)]), { type: "backfill", events: [heavy(4, 100), heavy(3, 100)] }],
      1_000,
      250 * 1024,
    );
    expect(ids(state.rows)).toEqual([5, 4]);
  });
});
