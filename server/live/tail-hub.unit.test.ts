/**
 * The hub's per-client cap, with a recording socket and a fake clock: what a client asking for a rate
 * receives from a stream faster than that, however the stream is bunched, and that what was left out is
 * counted for it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TailBatch } from "@/lib/live/contract-flows";
import { TAIL_DEFAULT_PER_SEC, TAIL_MAX_PER_SEC } from "@/lib/live/contract-channels";
import type { EventSummary } from "@/lib/model/event";
import { BURST_SEC, BUSY_WRITE_BYTES, FLUSH_MS, TailHub } from "@/server/live/tail-hub";
import type { LiveSocket } from "@/server/live/socket-server";

let hub: TailHub;
let n = 0;

beforeEach(() => {
  vi.useFakeTimers();
  hub = new TailHub();
});

afterEach(() => {
  hub.stop();
  vi.useRealTimers();
});

/** A socket that records what it is sent; its transport holds `writeBuffer` (empty: never busy). */
function recordingSocket(id = `socket-${n++}`, writeBuffer: { data: string }[] = []) {
  const batches: TailBatch[] = [];
  const socket = {
    id,
    conn: { writeBuffer },
    emit: (event: string, batch: TailBatch) => {
      if (event === "tail:batch") batches.push(batch);
    },
  } as unknown as LiveSocket;
  const total = (key: "events" | "dropped") =>
    batches.reduce((sum, b) => sum + (key === "events" ? b.events.length : b.dropped), 0);
  return { socket, batches, received: () => total("events"), dropped: () => total("dropped") };
}

const summary = (topic = "orders") => ({ id: `${topic}/0/${n++}`, topic }) as EventSummary;

/** Publishes `perBurst` events every `everyMs` for `seconds`, advancing the clock in between. */
function stream(perBurst: number, everyMs: number, seconds: number) {
  for (let t = 0; t < seconds * 1000; t += everyMs) {
    for (let i = 0; i < perBurst; i++) hub.publish(summary());
    vi.advanceTimersByTime(everyMs);
  }
  vi.advanceTimersByTime(FLUSH_MS);
}

describe("TailHub's per-client cap", () => {
  it("grants what a client asks for up to the maximum, and the default when it does not say", () => {
    expect(hub.subscribe(recordingSocket().socket, {}, 2_000)).toBe(2_000);
    expect(hub.subscribe(recordingSocket().socket, {}, 1e9)).toBe(TAIL_MAX_PER_SEC);
    expect(hub.subscribe(recordingSocket().socket, {})).toBe(TAIL_DEFAULT_PER_SEC);
    expect(TAIL_MAX_PER_SEC).toBeGreaterThanOrEqual(2_000);
  });

  it("sends a client that asks for 2,000/s of a steady 5,000/s stream 2,000/s and counts the rest", () => {
    const client = recordingSocket();
    hub.subscribe(client.socket, {}, 2_000);
    stream(500, 100, 10);
    expect(client.received()).toBeGreaterThanOrEqual(2_000 * 10 * 0.95);
    expect(client.received()).toBeLessThanOrEqual(2_000 * (10 + BURST_SEC) + 1);
    expect(client.received() + client.dropped()).toBe(50_000);
  });

  it("still sends the cap when the stream arrives in bunches, a fetch at a time", () => {
    const client = recordingSocket();
    hub.subscribe(client.socket, {}, 2_000);
    // 5,000/s on average, but all of each 400 ms in one go: a fixed allowance per flush gave 1,000/s.
    stream(2_000, 400, 10);
    expect(client.received()).toBeGreaterThanOrEqual(2_000 * 10 * 0.9);
    expect(client.received()).toBeLessThanOrEqual(2_000 * (10 + BURST_SEC) + 1);
    expect(client.received() + client.dropped()).toBe(50_000);
  });

  it("sends everything of a stream slower than the cap", () => {
    const client = recordingSocket();
    hub.subscribe(client.socket, {}, 2_000);
    stream(150, 100, 5);
    expect(client.received()).toBe(7_500);
    expect(client.dropped()).toBe(0);
  });

  it("caps each client on its own, counting only the events its filter matches", () => {
    const fast = recordingSocket();
    const slow = recordingSocket();
    hub.subscribe(fast.socket, {}, 2_000);
    hub.subscribe(slow.socket, { topic: "orders" }, 100);
    stream(500, 100, 5);
    hub.publish(summary("payments"));
    vi.advanceTimersByTime(FLUSH_MS);
    expect(fast.received()).toBeGreaterThanOrEqual(2_000 * 5 * 0.95);
    expect(slow.received()).toBeLessThanOrEqual(100 * (5 + BURST_SEC) + 1);
    expect(slow.received() + slow.dropped()).toBe(25_000);
  });

  it("sends a slow client nothing while its transport holds more than its byte bound, and counts it", () => {
    const waiting = [
      { data: "x".repeat(BUSY_WRITE_BYTES / 2) },
      { data: "x".repeat(BUSY_WRITE_BYTES / 2 + 1) },
    ];
    const slow = recordingSocket(undefined, waiting);
    const fast = recordingSocket();
    hub.subscribe(slow.socket, {}, 1_000);
    hub.subscribe(fast.socket, {}, 1_000);
    stream(10, 100, 1);
    // Two packets, over the bound in bytes (the old bound counted packets and allowed 16).
    expect(slow.received()).toBe(0);
    expect(fast.received()).toBe(100);
    // Once its transport has drained, it gets the next batch with the count of what it missed.
    waiting.length = 0;
    stream(10, 100, 1);
    expect(slow.received()).toBe(100);
    expect(slow.dropped()).toBe(100);
  });
});
