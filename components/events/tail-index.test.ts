import { describe, expect, it } from "vitest";
import { emptyTail, tailReducer, type TailAction, type TailState } from "@/components/events/tail-reducer";
import {
  offsetsOf as ids,
  tailBatch as batch,
  tailEvents as events,
} from "@/components/events/test-support/tail-events";

const run = (actions: TailAction[], cap = 3, from: TailState = emptyTail()) =>
  actions.reduce((state, action) => tailReducer(state, action, cap), from);

describe("skipping resent events as the list moves", () => {
  it("skips an event still in the list after many flushes", () => {
    const state = run([batch(events(1)), batch(events(2)), batch(events(3)), batch(events(2, 4))]);
    expect(ids(state.rows)).toEqual([4, 3, 2]);
  });

  it("takes an event again once the cap pushed it out of the list", () => {
    const state = run([batch(events(1, 2, 3)), batch(events(4)), batch(events(1))]);
    expect(ids(state.rows)).toEqual([1, 4, 3]);
  });

  it("skips events waiting while paused, and those shown before the pause", () => {
    const state = run([batch(events(1)), { type: "pause" }, batch(events(2)), batch(events(1, 2, 3))], 10);
    expect(ids(state.pending)).toEqual([3, 2]);
    expect(ids(tailReducer(state, { type: "resume" }, 10).rows)).toEqual([3, 2, 1]);
  });

  it("answers the same from an older state after newer flushes moved on from it", () => {
    const older = run([batch(events(1)), batch(events(2))], 10);
    const newer = run([batch(events(3)), batch(events(4))], 10, older);
    expect(ids(newer.rows)).toEqual([4, 3, 2, 1]);
    // Reduced again from the older state, 3 is new there and 2 is not.
    expect(ids(run([batch(events(2, 3))], 10, older).rows)).toEqual([3, 2, 1]);
  });
});
