/**
 * Flow latency aggregated as messages are stored, in one pass: each message is paired with its cause
 * (./pairing), and the hop is filed under the graph edges it crossed — the consume edge
 * `P.topic → consumer` and the produce edge `service(M) → M.topic` — and under M's pathway (end-to-end).
 * Whole traces are filed once they have been quiet for TRACE_SETTLE_MS. Everything is bounded: the
 * pairing memory by bytes, the number of edges and pathways by MAX_KEYS (new keys beyond it are not
 * tracked until idle ones are dropped), each key by its fixed ring of slots and the sketch's bin cap.
 */
import type { EdgeLatencyDetail, FlowLatency, LatencyStats, PathwayLatency } from "@/lib/api/flow-latency";
import { consumeEdgeId, produceEdgeId } from "@/lib/flows/build-graph";
import { PATHWAY_SEPARATOR } from "./definitions";
import { parseRecordId } from "@/lib/model/record-id";
import { FlowPairer, groupNamedAfter, type PairingBudget, type PairingRules } from "./pairing";
import { type PassedBounds, type QueueSeries, QueueSplits } from "./queue-time";
import type { Hop, Pairable } from "./pairing-types";
import { histogramBars, latencyStats } from "./stats";
import { LatencySketch } from "./sketch";
import type { LatencySample } from "./slowest";
import { type LatencyWindow, mergeSlots, type Slot, WindowedLatency, type WindowedState } from "./windows";
import { stringBytes } from "./bounded-recent";

export const MAX_KEYS = 500;
const SEP = "\u0000";
export const TRACE_SETTLE_MS = 10_000;
const SLOWEST_SHOWN = 10;
const HISTOGRAM_BARS = 30;

/** Estimated bytes of one open trace: the entry, its id twice (map key and queue) and a record id. */
const OPEN_TRACE_BYTES = 360;

/** The aggregator's windows as plain data, to save across restarts (validated by ./snapshot). */
export interface AggregatorState {
  edges: [string, WindowedState][];
  pathways: [string, WindowedState][];
  traces: WindowedState;
}

interface OpenTrace {
  rootAt: number;
  lastAt: number;
  lastRecordId: string;
  lastArrivedAt: number;
}

export class FlowLatencyAggregator {
  private readonly pairer: FlowPairer;
  /** Produce edges by graph id; consume edges by `topic NUL consumer` until read (see consumeId). */
  private readonly edges = new Map<string, WindowedLatency>();
  private readonly pathways = new Map<string, WindowedLatency>();
  private readonly wholeTraces = new WindowedLatency();
  /** Traces with a hop not yet filed as a whole, updated in place (no reordering on the hot path). */
  private readonly open = new Map<string, OpenTrace>();
  /** Open trace ids in the order they opened; each tick looks at every one once. */
  private settleQueue: string[] = [];
  private readonly maxOpen: number;
  /** Queue and processing time of consume edges, settled as the lag poller sees commits (./queue-time). */
  private readonly queues = new QueueSplits(MAX_KEYS);

  constructor(
    private readonly rules: PairingRules,
    budget: PairingBudget & { openTracesBytes: number },
  ) {
    this.pairer = new FlowPairer(rules, budget);
    this.maxOpen = Math.floor(budget.openTracesBytes / OPEN_TRACE_BYTES);
  }

  /** Files one stored batch; cost per message is a few map lookups and up to four sketch inserts. */
  ingest(events: readonly Pairable[], nowMs: number): void {
    for (const event of events) for (const hop of this.pairer.accept(event, nowMs)) this.file(hop, nowMs);
  }

  /** Gives up on parents that never came, files quiet traces, forgets keys idle for the whole hour. */
  tick(nowMs: number): void {
    this.pairer.expire(nowMs);
    this.queues.tick(nowMs);
    const stillOpen: string[] = [];
    for (const traceId of this.settleQueue) {
      const trace = this.open.get(traceId);
      if (!trace) continue;
      if (nowMs - trace.lastArrivedAt < TRACE_SETTLE_MS) {
        stillOpen.push(traceId);
        continue;
      }
      this.open.delete(traceId);
      this.wholeTraces.record({
        ms: trace.lastAt - trace.rootAt,
        at: trace.lastAt,
        recordId: trace.lastRecordId,
        traceId,
      });
    }
    this.settleQueue = stillOpen;
    for (const map of [this.edges, this.pathways])
      for (const [key, windowed] of map) if (windowed.idle(nowMs)) map.delete(key);
  }

  snapshot(window: LatencyWindow, endMs: number, nowMs: number): FlowLatency {
    const byEdge = new Map<string, Slot[]>();
    for (const [key, windowed] of this.edges) {
      const id = this.graphEdgeId(key);
      byEdge.set(id, [...(byEdge.get(id) ?? []), ...windowed.slots(window, endMs, nowMs)]);
    }
    const edges: Record<string, LatencyStats> = {};
    for (const [id, slots] of byEdge) {
      const stats = latencyStats(mergeSlots(slots, 0).sketch);
      if (stats) edges[id] = stats;
    }
    const pathways: PathwayLatency[] = [];
    for (const [id, windowed] of this.pathways) {
      const { sketch, slowest } = mergeSlots(windowed.slots(window, endMs, nowMs), 3);
      const stats = latencyStats(sketch);
      if (stats) pathways.push({ id, topics: id.split(PATHWAY_SEPARATOR), stats, examples: slowest });
    }
    pathways.sort((a, b) => b.stats.p99 - a.stats.p99 || a.id.localeCompare(b.id));
    const traces = latencyStats(mergeSlots(this.wholeTraces.slots(window, endMs, nowMs), 0).sketch);
    return { window, at: endMs, edges, pathways, traces };
  }

  edge(id: string, window: LatencyWindow, endMs: number, nowMs: number): EdgeLatencyDetail {
    const series = [...this.edges].filter(([key]) => this.graphEdgeId(key) === id).map(([, w]) => w);
    const { sketch, slowest } = mergeSlots(
      series.flatMap((w) => w.slots(window, endMs, nowMs)),
      SLOWEST_SHOWN,
    );
    const splits = [...this.queues.series].filter(([key]) => this.graphEdgeId(key) === id).map(([, q]) => q);
    const merged = (pick: (q: QueueSeries) => WindowedLatency) =>
      mergeSlots(
        splits.flatMap((q) => pick(q).slots(window, endMs, nowMs)),
        0,
      ).sketch;
    const precision = merged((q) => q.precision);
    const minutes = new Map<number, LatencySketch>();
    for (const slot of series.flatMap((w) => w.minutes(endMs))) {
      const merged = minutes.get(slot.start) ?? new LatencySketch();
      merged.merge(slot.sketch);
      minutes.set(slot.start, merged);
    }
    const overTime = [...minutes]
      .sort(([a], [b]) => a - b)
      .map(([at, minute]) => ({
        at,
        p50: latencyStats(minute)?.p50 ?? 0,
        p99: latencyStats(minute)?.p99 ?? 0,
        count: minute.count,
      }));
    return {
      id,
      window,
      at: endMs,
      stats: latencyStats(sketch),
      histogram: histogramBars(sketch.histogram(), HISTOGRAM_BARS),
      overTime,
      slowest,
      split:
        precision.count === 0
          ? null
          : {
              queue: latencyStats(merged((q) => q.queue)),
              processing: latencyStats(merged((q) => q.processing)),
              settled: precision.count,
              precisionMs: latencyStats(precision)?.p50 ?? 0,
            },
    };
  }

  /**
   * Settles queue times whose commit the lag poller has now seen. `passed(topic, partition, offset, group)`
   * says when the group's committed offset went past `offset` (null when it has no history there); it is
   * asked about P's predecessor, so the answer is when the group reached P. Runs after each poll, never on
   * the ingest path.
   */
  settleQueues(
    passed: (topic: string, partition: number, offset: string, group: string) => PassedBounds | null,
    nowMs: number,
  ): void {
    this.queues.settle((probe) => {
      const group = groupNamedAfter(this.rules.consumersOf(probe.topic), probe.consumer);
      const before = (BigInt(probe.offset) - 1n).toString();
      return group === undefined ? null : passed(probe.topic, probe.partition, before, group);
    }, nowMs);
  }

  /**
   * The windows as plain data. Pairing memory and open traces are not included: after a restart, pairing
   * starts afresh, and a message whose parent was stored before it is not paired.
   */
  state(): AggregatorState {
    const entries = (map: Map<string, WindowedLatency>) =>
      [...map].map(([key, windowed]): [string, WindowedState] => [key, windowed.state()]);
    return { edges: entries(this.edges), pathways: entries(this.pathways), traces: this.wholeTraces.state() };
  }

  /** Merges saved windows into the live ones; samples already recorded since the start are kept. */
  restore(saved: AggregatorState): void {
    for (const [key, windowed] of saved.edges) this.series(this.edges, key)?.absorb(windowed);
    for (const [key, windowed] of saved.pathways) this.series(this.pathways, key)?.absorb(windowed);
    this.wholeTraces.absorb(saved.traces);
  }

  /** Approximate bytes held, for /api/health-style reporting and the budget test. */
  get bytes(): number {
    let total =
      this.pairer.bytes + this.open.size * OPEN_TRACE_BYTES + this.wholeTraces.bytes + this.queues.bytes;
    for (const map of [this.edges, this.pathways])
      for (const [key, windowed] of map) total += stringBytes(key) + windowed.bytes;
    return total;
  }

  private file(hop: Hop, nowMs: number): void {
    const { child } = hop;
    const sample: LatencySample = {
      ms: hop.hopMs,
      at: child.at,
      recordId: child.recordId,
      traceId: child.traceId,
    };
    // A copy's service header is the original producer's: shown with the copy, the hop is the group's.
    if (hop.via === "copy" && child.service !== null) sample.originalProducer = child.service;
    if (hop.consumer !== null) {
      const key = `${hop.parent.topic}${SEP}${hop.consumer}`;
      this.series(this.edges, key)?.record(sample);
      const parent = parseRecordId(hop.parent.recordId);
      // Queue time ends when the group reaches P, i.e. passes P's predecessor: the first record has none.
      if (parent && parent.offset !== "0")
        this.queues.offer(
          { key, consumer: hop.consumer, ...parent, producedAt: hop.parent.at, hopMs: hop.hopMs, sample },
          nowMs,
        );
    }
    // A copy carries its original producer's service header: it says nothing about who produced the copy.
    if (hop.via !== "copy" && child.service !== null)
      this.series(this.edges, produceEdgeId(child.service, child.topic))?.record(sample);
    this.series(this.pathways, child.pathway.join(PATHWAY_SEPARATOR))?.record({
      ...sample,
      ms: hop.endToEndMs,
    });
    if (child.traceId !== null) {
      const open = this.open.get(child.traceId);
      if (open) {
        open.rootAt = Math.min(open.rootAt, child.rootAt);
        if (child.at >= open.lastAt) {
          open.lastAt = child.at;
          open.lastRecordId = child.recordId;
        }
        open.lastArrivedAt = nowMs;
      } else if (this.open.size < this.maxOpen) {
        const { traceId, rootAt, at, recordId } = child;
        this.open.set(traceId, { rootAt, lastAt: at, lastRecordId: recordId, lastArrivedAt: nowMs });
        this.settleQueue.push(traceId);
      }
    }
  }

  /** A consume key names the service; the graph's edge names the group it reads with, known by now. */
  private graphEdgeId(key: string): string {
    const sep = key.indexOf(SEP);
    if (sep < 0) return key;
    const topic = key.slice(0, sep);
    const consumer = key.slice(sep + 1);
    return consumeEdgeId(topic, groupNamedAfter(this.rules.consumersOf(topic), consumer) ?? consumer);
  }

  private series(map: Map<string, WindowedLatency>, key: string): WindowedLatency | undefined {
    let windowed = map.get(key);
    if (!windowed && map.size < MAX_KEYS) {
      windowed = new WindowedLatency();
      map.set(key, windowed);
    }
    return windowed;
  }
}
