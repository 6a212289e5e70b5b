import { describe, expect, it } from "vitest";
import type { TailBatch } from "@/lib/live/contract-flows";
import { TailInbox } from "@/components/events/tail-inbox";
import {
  makeTailEvent,
  offsetsOf as ids,
  tailEvents as events,
} from "@/components/events/test-support/tail-events";

const wire = (list = events(1), dropped = 0): TailBatch => ({ events: list, dropped, maxPerSec: 2_000 });

function joinedInbox(limit = 100, filter = {}) {
  const inbox = new TailInbox(filter, limit);
  inbox.joined = true;
  return inbox;
}

describe("TailInbox", () => {
  it("skips batches that arrive before its join (they were sent for the previous filter)", () => {
    const inbox = new TailInbox({}, 100);
    inbox.add(wire(events(1), 5));
    expect(inbox.take(0)).toBeNull();
  });

  it("hands over every batch since the last flush as one action, oldest first, with the drop counts summed", () => {
    const inbox = joinedInbox();
    inbox.add(wire(events(1, 2), 10));
    inbox.add(wire(events(3), 5));
    const action = inbox.take(42);
    expect(ids(action?.events ?? [])).toEqual([1, 2, 3]);
    expect(action).toMatchObject({ dropped: 15, overflow: 0, at: 42 });
    expect(inbox.take(43)).toBeNull();
  });

  it("keeps at most twice the list's size waiting, letting the oldest go and counting them", () => {
    const inbox = joinedInbox(3);
    for (let n = 0; n < 100; n++) inbox.add(wire(events(n)));
    const action = inbox.take(0);
    expect(action?.events.length).toBeLessThanOrEqual(6);
    expect(ids(action?.events ?? []).at(-1)).toBe(99);
    expect((action?.events.length ?? 0) + (action?.overflow ?? 0)).toBe(100);
  });

  it("checks the exact fields of the filter but leaves free text to the server", () => {
    const inbox = joinedInbox(100, { service: "payment-service", q: "not in the preview" });
    const ours = { ...makeTailEvent(1), service: "payment-service" };
    const other = { ...makeTailEvent(2), service: "gateway" };
    inbox.add(wire([ours, other]));
    expect(inbox.take(0)?.events).toEqual([ours]);
  });
});
