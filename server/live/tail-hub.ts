/**
 * Fans the event stream out to browsers. Each socket has one tail subscription with a filter and a cap
 * (events/s). Events are buffered per socket and flushed every FLUSH_MS in one `tail:batch`; beyond the cap
 * they are counted, not sent, and the count travels with the next batch, so a fast topic can never freeze
 * a browser and the user still sees how much was sampled away. A socket whose transport still holds
 * BUSY_WRITE_BYTES of earlier batches (a slow browser or network) gets its batch counted as dropped
 * instead of piling up in server memory.
 *
 * The cap is a token bucket refilled by the time that passed: what a quiet moment leaves unused carries
 * over, up to BURST_SEC worth. The collector hands events over in bursts (a Kafka fetch at a time) and a
 * busy event loop runs the flush timer late, so a fixed allowance per flush sent far less than the cap from
 * a stream far above it; over any span the client still gets at most the cap × span plus one burst.
 */
import type { EventFilter } from "@/lib/api/events";
import { TAIL_DEFAULT_PER_SEC, TAIL_MAX_PER_SEC } from "@/lib/live/contract-channels";
import { matchesEventFilter } from "@/lib/events/match-filter";
import type { EventSummary } from "@/lib/model/event";
import type { LiveSocket } from "@/server/live/socket-server";

export const FLUSH_MS = 200;
/** How much unused allowance a quiet moment saves for the next burst, in seconds of the cap. */
export const BURST_SEC = 0.5;
/**
 * Bytes of encoded batches waiting in a socket's transport before it gets no more. Bounded in bytes, not
 * packets: one batch of the largest burst is up to ~0.5 MB, so a bound of 16 packets let one slow browser
 * hold several MB of server memory. 1 MB is about a second of the highest cap.
 */
export const BUSY_WRITE_BYTES = 1 << 20;

interface Subscription {
  socket: LiveSocket;
  filter: EventFilter;
  maxPerSec: number;
  /** Events this socket may still receive until the next flush refills the bucket (may be fractional). */
  budget: number;
  buffer: EventSummary[];
  dropped: number;
}

export class TailHub {
  private readonly subs = new Map<string, Subscription>();
  private readonly timer: NodeJS.Timeout;
  private lastFlushAt = performance.now();

  constructor() {
    this.timer = setInterval(() => this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  subscribe(socket: LiveSocket, filter: EventFilter, requestedMaxPerSec?: number): number {
    const maxPerSec = Math.max(
      1,
      Math.min(TAIL_MAX_PER_SEC, Math.floor(requestedMaxPerSec ?? TAIL_DEFAULT_PER_SEC)),
    );
    this.subs.set(socket.id, {
      socket,
      filter,
      maxPerSec,
      budget: Math.max(1, (maxPerSec * FLUSH_MS) / 1000),
      buffer: [],
      dropped: 0,
    });
    return maxPerSec;
  }

  unsubscribe(socketId: string): void {
    this.subs.delete(socketId);
  }

  get size(): number {
    return this.subs.size;
  }

  /** Summaries are what the tail shows (the drawer fetches the full record), so nothing is decoded here. */
  publish(event: EventSummary): void {
    if (this.subs.size === 0) return;
    for (const sub of this.subs.values()) {
      if (!matchesEventFilter(event, sub.filter)) continue;
      if (sub.budget < 1) {
        sub.dropped += 1;
        continue;
      }
      sub.budget -= 1;
      sub.buffer.push(event);
    }
  }

  private flush(): void {
    const now = performance.now();
    const elapsedSec = Math.max(0, now - this.lastFlushAt) / 1000;
    this.lastFlushAt = now;
    for (const sub of this.subs.values()) {
      const burst = Math.max(1, sub.maxPerSec * BURST_SEC);
      sub.budget = Math.min(burst, sub.budget + sub.maxPerSec * elapsedSec);
      if (sub.buffer.length === 0 && sub.dropped === 0) continue;
      const busy = pendingBytes(sub.socket) > BUSY_WRITE_BYTES;
      if (busy) {
        sub.dropped += sub.buffer.length;
        sub.buffer = [];
        continue;
      }
      sub.socket.emit("tail:batch", { events: sub.buffer, dropped: sub.dropped, maxPerSec: sub.maxPerSec });
      sub.buffer = [];
      sub.dropped = 0;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.subs.clear();
  }
}

/**
 * Bytes engine.io still holds for this socket (its encoded packets). Not in socket.io's public types, but it
 * is the one signal of a slow client; read defensively so a library change degrades to "never busy".
 */
function pendingBytes(socket: LiveSocket): number {
  const conn = socket.conn as unknown as { writeBuffer?: unknown[] } | undefined;
  if (!Array.isArray(conn?.writeBuffer)) return 0;
  let bytes = 0;
  for (const packet of conn.writeBuffer) {
    const data = (packet as { data?: unknown } | null)?.data;
    if (typeof data === "string") bytes += data.length;
    else if (data instanceof Uint8Array) bytes += data.byteLength;
  }
  return bytes;
}
