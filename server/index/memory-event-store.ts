/**
 * The default index: recent events in memory, within a byte budget, oldest evicted first.
 *
 * Invariant: events are appended in arrival order and evicted from the front, so in every secondary index
 * (by trace, correlation, message, causation id) the evicted event is the first entry of its list.
 * That keeps eviction O(keys of the event) instead of a scan.
 */
import type { EventFilter } from "@/lib/api/events";
import { isEmptyFilter, matchesEventFilter } from "@/lib/events/match-filter";
import type { EventRecord } from "@/lib/model/event";
import type { EventStore, IndexStats } from "@/server/index/event-store";
import { estimateEventBytes } from "@/server/index/estimate-size";
import { MultiMap } from "@/server/index/multi-map";

interface Entry {
  event: EventRecord;
  bytes: number;
}

export class MemoryEventStore implements EventStore {
  private readonly entries: (Entry | undefined)[] = [];
  private head = 0;
  private readonly byId = new Map<string, Entry>();
  private readonly traces = new MultiMap();
  private readonly correlations = new MultiMap();
  private readonly messages = new MultiMap();
  private readonly causations = new MultiMap();
  private readonly perTopic = new Map<string, number>();
  private readonly perProducer = new Map<string, { service: string; topic: string; count: number }>();
  private bytes = 0;
  private evicted = 0;
  private truncated = 0;

  constructor(private readonly budgetBytes: number) {}

  add(event: EventRecord): boolean {
    if (this.byId.has(event.id)) return false;
    const entry: Entry = { event, bytes: estimateEventBytes(event) };
    this.entries.push(entry);
    this.byId.set(event.id, entry);
    this.traces.add(event.traceId, event);
    this.correlations.add(event.correlationId, event);
    this.messages.add(event.messageId, event);
    this.causations.add(event.causationId, event);
    this.perTopic.set(event.topic, (this.perTopic.get(event.topic) ?? 0) + 1);
    if (event.service) {
      const key = `${event.service}\u0000${event.topic}`;
      const pair = this.perProducer.get(key) ?? { service: event.service, topic: event.topic, count: 0 };
      pair.count += 1;
      this.perProducer.set(key, pair);
    }
    if (event.value.truncated) this.truncated += 1;
    this.bytes += entry.bytes;
    while (this.bytes > this.budgetBytes && this.byId.size > 1) this.evictOldest();
    return true;
  }

  private evictOldest(): void {
    const entry = this.entries[this.head];
    this.entries[this.head] = undefined;
    this.head += 1;
    // Compact now and then so the array does not grow without bound under an endless stream.
    if (this.head > 4096 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
    if (!entry) return;
    const e = entry.event;
    this.byId.delete(e.id);
    this.traces.removeFirst(e.traceId, e);
    this.correlations.removeFirst(e.correlationId, e);
    this.messages.removeFirst(e.messageId, e);
    this.causations.removeFirst(e.causationId, e);
    const topicCount = (this.perTopic.get(e.topic) ?? 1) - 1;
    if (topicCount <= 0) this.perTopic.delete(e.topic);
    else this.perTopic.set(e.topic, topicCount);
    if (e.service) {
      const key = `${e.service}\u0000${e.topic}`;
      const pair = this.perProducer.get(key);
      if (pair && --pair.count <= 0) this.perProducer.delete(key);
    }
    if (e.value.truncated) this.truncated -= 1;
    this.bytes -= entry.bytes;
    this.evicted += 1;
  }

  get(id: string): EventRecord | undefined {
    return this.byId.get(id)?.event;
  }

  byTraceId(traceId: string): EventRecord[] {
    return this.traces.get(traceId);
  }

  byCorrelationId(correlationId: string): EventRecord[] {
    return this.correlations.get(correlationId);
  }

  byMessageId(messageId: string): EventRecord[] {
    return this.messages.get(messageId);
  }

  byCausationId(messageId: string): EventRecord[] {
    return this.causations.get(messageId);
  }

  recent(filter: EventFilter, limit: number): EventRecord[] {
    const out: EventRecord[] = [];
    const all = isEmptyFilter(filter);
    for (let i = this.entries.length - 1; i >= this.head && out.length < limit; i--) {
      const e = this.entries[i]?.event;
      if (e && (all || matchesEventFilter(e, filter))) out.push(e);
    }
    return out;
  }

  topicCounts(): Map<string, number> {
    return new Map(this.perTopic);
  }

  producerPairs(): Map<string, { service: string; topic: string; count: number }> {
    return new Map([...this.perProducer].map(([k, v]) => [k, { ...v }]));
  }

  stats(): IndexStats {
    let from: number | null = null;
    let to: number | null = null;
    // Timestamps are producer clocks and may be out of order: scan both ends a little for the true extremes.
    for (let i = this.head; i < Math.min(this.entries.length, this.head + 64); i++) {
      const t = this.entries[i]?.event.timestamp;
      if (t !== undefined && (from === null || t < from)) from = t;
    }
    for (let i = this.entries.length - 1; i >= Math.max(this.head, this.entries.length - 64); i--) {
      const t = this.entries[i]?.event.timestamp;
      if (t !== undefined && (to === null || t > to)) to = t;
    }
    return {
      events: this.byId.size,
      bytes: this.bytes,
      budgetBytes: this.budgetBytes,
      evictedEvents: this.evicted,
      truncatedPayloads: this.truncated,
      window: { from, to, events: this.byId.size, evicted: this.evicted > 0 },
    };
  }
}
