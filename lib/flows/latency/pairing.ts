/**
 * Finds, for each message as it is stored, the message that caused it — on the ingest path, one message at
 * a time, with bounded memory. The rules, strongest first:
 * 1. copy: a message whose message id an earlier message already carries is a retry/dead-letter/re-drive
 *    copy of it; the hop belongs to the consumer group that gave up on the original, not to the producer
 *    the copied headers still name: the one group reading the original's topic, or with several the one
 *    whose name shares the longest start with the copy's topic (`payment-service` → `payments.retry.1`);
 *    on a tie it is not known and left null;
 * 2. causation: the causation id names the parent's message id (the latest copy that is not a dead letter);
 * 3. trace: no causation id, so the latest earlier message of the same trace whose topic is consumed by
 *    M's producing service is the parent.
 * The hop names the consuming service (the group, for a copy); which group that service reads with is
 * looked up when the latency is read (see groupNamedAfter), as groups become known only by polling.
 * A message whose causation id names a message not seen yet waits (bounded by bytes, and by ORPHAN_WAIT_MS)
 * for its parent: topics and partitions are read independently, so a child often arrives first. If the
 * parent never comes (older than what is remembered, or never in Kafka), the child starts a flow of its own.
 */
import { type Pairable, rememberedBytes, type Remembered, type Hop, waitingBytes } from "./pairing-types";
import { BoundedRecent, stringBytes } from "./bounded-recent";
import { InternPool } from "./intern-pool";
import { groupThatGaveUp } from "@/lib/traces/gave-up";
import { endToEndLatency, extendPathway, hopLatency } from "./definitions";

export interface PairingRules {
  /** Consumer groups (named after their service where teams do so) reading a topic. */
  consumersOf(topic: string): readonly string[];
  isDlqTopic(topic: string): boolean;
}

/** How long a child waits for a parent that has not arrived, in ms of arrival time. */
export const ORPHAN_WAIT_MS = 30_000;
const TRACE_MEMORY = 8;
/** Distinct topics and services, and distinct pathways, shared between remembered messages. */
const MAX_SHARED = 4_096;
/**
 * A remembered entry's own cost beyond its key and value: the hash table's slot (three words, in a table
 * that may be twice the size it needs), the entry object (three fields) and its place in the eviction order.
 */
const ENTRY_BYTES = 160;
/** Per message id, the `{ latest, live }` pair. */
const COPIES_BYTES = 24 + 2 * 8;

export interface PairingBudget {
  messagesBytes: number;
  tracesBytes: number;
  orphansBytes: number;
}

export class FlowPairer {
  /** Per message id: its latest copy, and the latest that is not a dead letter (what children were caused by). */
  private readonly byMessage: BoundedRecent<{ latest: Remembered; live: Remembered | null }>;
  private readonly byTrace: BoundedRecent<Remembered[]>;
  private readonly orphans: BoundedRecent<{ child: Pairable; arrivedAt: number }[]>;
  private readonly names = new InternPool<string>(MAX_SHARED);
  /** Per pathway (by identity; null for none), the pathway one topic further, so equal pathways are one array. */
  private readonly extended = new Map<readonly string[] | null, Map<string, readonly string[]>>();
  private extendedCount = 0;

  constructor(
    private readonly rules: PairingRules,
    budget: PairingBudget,
  ) {
    // A remembered message is counted whole in every map that holds it: a message whose id and trace are
    // both remembered is counted twice, so what is reported may exceed what the heap holds, never the
    // other way round (the maps forget at different paces, so either may be the one keeping it alive).
    this.byMessage = new BoundedRecent(budget.messagesBytes, (k, v) => {
      const live = v.live && v.live !== v.latest ? rememberedBytes(v.live) : 0;
      return stringBytes(k) + ENTRY_BYTES + COPIES_BYTES + rememberedBytes(v.latest) + live;
    });
    this.byTrace = new BoundedRecent(
      budget.tracesBytes,
      (k, v) => stringBytes(k) + ENTRY_BYTES + v.reduce((n, r) => n + 8 + rememberedBytes(r), 0),
    );
    this.orphans = new BoundedRecent(
      budget.orphansBytes,
      (k, v) => stringBytes(k) + ENTRY_BYTES + v.reduce((n, w) => n + waitingBytes(w.child), 0),
    );
  }

  /** Pairs one stored message; returns the hops it completes (its own, and any children waiting for it). */
  accept(event: Pairable, arrivedAt: number): Hop[] {
    const hops: Hop[] = [];
    const copyOf = event.messageId === null ? undefined : this.byMessage.get(event.messageId)?.latest;
    let known: Remembered;
    if (copyOf) {
      if (copyOf.recordId === event.id) return []; // the same record read again
      known = this.remember(event, copyOf);
      hops.push(
        this.hop(copyOf, known, "copy", groupThatGaveUp(this.rules.consumersOf(copyOf.topic), event.topic)),
      );
    } else if (event.causationId !== null) {
      const copies = this.byMessage.get(event.causationId);
      const cause = copies?.live ?? copies?.latest;
      if (cause) {
        known = this.remember(event, cause);
        hops.push(this.hop(cause, known, "causation", event.service));
      } else {
        // Provisionally a root, so its own children can pair; the hop is emitted when the parent arrives.
        known = this.remember(event, null);
        this.waitForParent(event, arrivedAt);
      }
    } else {
      const parent = this.traceParent(event);
      known = this.remember(event, parent ?? null);
      if (parent) hops.push(this.hop(parent, known, "trace", event.service));
    }
    if (event.messageId !== null) hops.push(...this.adoptOrphans(event.messageId, known));
    return hops;
  }

  /** Children still waiting whose wait is over are given up on (they stay roots of their own flows). */
  expire(nowMs: number): number {
    let dropped = 0;
    for (const waiting of [...this.orphans.values()]) {
      const first = waiting[0];
      if (!first || nowMs - first.arrivedAt < ORPHAN_WAIT_MS) break;
      this.orphans.delete(first.child.causationId ?? "");
      dropped += waiting.length;
    }
    return dropped;
  }

  get bytes(): number {
    return this.byMessage.bytes + this.byTrace.bytes + this.orphans.bytes;
  }

  private remember(event: Pairable, parent: Remembered | null): Remembered {
    const topic = this.shared(event.topic);
    const known: Remembered = {
      recordId: event.id,
      topic,
      at: event.timestamp,
      traceId: event.traceId,
      service: event.service === null ? null : this.shared(event.service),
      rootAt: parent ? parent.rootAt : event.timestamp,
      pathway: this.pathwayAfter(parent ? parent.pathway : null, topic),
    };
    if (event.messageId !== null) {
      // A dead letter is nobody's cause: children name the live copy their service consumed.
      const live = this.rules.isDlqTopic(event.topic)
        ? (this.byMessage.get(event.messageId)?.live ?? null)
        : known;
      this.byMessage.set(event.messageId, { latest: known, live });
    }
    if (event.traceId !== null) {
      const list = this.byTrace.get(event.traceId);
      if (list) {
        list.push(known);
        const forgotten = list.length > TRACE_MEMORY ? list.shift()! : null;
        this.byTrace.grow(
          event.traceId,
          rememberedBytes(known) - (forgotten ? rememberedBytes(forgotten) : 0),
        );
      } else this.byTrace.set(event.traceId, [known]);
    }
    return known;
  }

  private traceParent(event: Pairable): Remembered | undefined {
    if (event.traceId === null || event.service === null) return undefined;
    const list = this.byTrace.get(event.traceId) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const candidate = list[i]!;
      if (candidate.recordId === event.id || candidate.at > event.timestamp) continue;
      if (groupNamedAfter(this.rules.consumersOf(candidate.topic), event.service)) return candidate;
    }
    return undefined;
  }

  private waitForParent(event: Pairable, arrivedAt: number): void {
    const key = event.causationId!;
    // Only what pairing reads: the stored event's summary carries a preview and more.
    const child: Pairable = {
      id: event.id,
      topic: this.shared(event.topic),
      timestamp: event.timestamp,
      traceId: event.traceId,
      messageId: event.messageId,
      causationId: key,
      service: event.service === null ? null : this.shared(event.service),
    };
    const waiting = this.orphans.get(key);
    if (waiting) {
      waiting.push({ child, arrivedAt });
      this.orphans.grow(key, waitingBytes(child));
    } else this.orphans.set(key, [{ child, arrivedAt }]);
  }

  private shared(name: string): string {
    return this.names.get(name, () => name);
  }

  private pathwayAfter(parent: readonly string[] | null, topic: string): readonly string[] {
    const next = this.extended.get(parent);
    const known = next?.get(topic);
    if (known) return known;
    const pathway = parent ? extendPathway(parent, topic) : [topic];
    if (this.extendedCount < MAX_SHARED) {
      if (next) next.set(topic, pathway);
      else this.extended.set(parent, new Map([[topic, pathway]]));
      this.extendedCount++;
    }
    return pathway;
  }

  private adoptOrphans(messageId: string, parent: Remembered): Hop[] {
    const waiting = this.orphans.delete(messageId);
    if (!waiting) return [];
    return waiting.map(({ child }) => {
      const known = this.byMessage.get(child.messageId ?? "")?.latest ?? this.remember(child, parent);
      // Its flow now starts where its parent's did.
      known.rootAt = parent.rootAt;
      known.pathway = this.pathwayAfter(parent.pathway, child.topic);
      return this.hop(parent, known, "causation", child.service);
    });
  }

  private hop(parent: Remembered, child: Remembered, via: Hop["via"], consumer: string | null): Hop {
    return {
      parent,
      child,
      via,
      consumer,
      hopMs: hopLatency(parent.at, child.at),
      endToEndMs: endToEndLatency(child.rootAt, child.at),
    };
  }
}

/** The group a service reads with: named after it, optionally behind a namespace (`shop.inventory-service`). */
export function groupNamedAfter(groups: readonly string[], service: string): string | undefined {
  return groups.find((g) => g === service) ?? groups.find((g) => g.endsWith(`.${service}`));
}
