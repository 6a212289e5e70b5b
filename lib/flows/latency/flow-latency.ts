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
import { FlowPairer, type PairingBudget, type PairingRules } from "./pairing";
import type { Hop, Pairable } from "./pairing-types";
import { histogramBars, latencyStats } from "./stats";
import { type LatencyWindow, mergeSlots, WindowedLatency } from "./windows";
import { BoundedRecent, stringBytes } from "./bounded-recent";

export const MAX_KEYS = 500;
export const TRACE_SETTLE_MS = 10_000;
const SLOWEST_SHOWN = 10;
const HISTOGRAM_BARS = 30;

interface OpenTrace {
  traceId: string;
  rootAt: number;
  lastAt: number;
  lastRecordId: string;
  lastArrivedAt: number;
}

export class FlowLatencyAggregator {
  private readonly pairer: FlowPairer;
  private readonly edges = new Map<string, WindowedLatency>();
  private readonly pathways = new Map<string, WindowedLatency>();
  private readonly wholeTraces = new WindowedLatency();
  private readonly open: BoundedRecent<OpenTrace>;

  constructor(rules: PairingRules, budget: PairingBudget & { openTracesBytes: number }) {
    this.pairer = new FlowPairer(rules, budget);
    this.open = new BoundedRecent(budget.openTracesBytes, (k) => 2 * stringBytes(k) + 120);
  }

  /** Files one stored batch; cost per message is a few map lookups and up to four sketch inserts. */
  ingest(events: readonly Pairable[], nowMs: number): void {
    for (const event of events) for (const hop of this.pairer.accept(event, nowMs)) this.file(hop, nowMs);
  }

  /** Gives up on parents that never came, files quiet traces, forgets keys idle for the whole hour. */
  tick(nowMs: number): void {
    this.pairer.expire(nowMs);
    for (const trace of [...this.open.values()]) {
      if (nowMs - trace.lastArrivedAt < TRACE_SETTLE_MS) break;
      this.open.delete(trace.traceId);
      this.wholeTraces.record({
        ms: trace.lastAt - trace.rootAt,
        at: trace.lastAt,
        recordId: trace.lastRecordId,
        traceId: trace.traceId,
      });
    }
    for (const map of [this.edges, this.pathways])
      for (const [key, windowed] of map) if (windowed.idle(nowMs)) map.delete(key);
  }

  snapshot(window: LatencyWindow, endMs: number, nowMs: number): FlowLatency {
    const edges: Record<string, LatencyStats> = {};
    for (const [id, windowed] of this.edges) {
      const stats = latencyStats(mergeSlots(windowed.slots(window, endMs, nowMs), 0).sketch);
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
    const windowed = this.edges.get(id);
    const { sketch, slowest } = mergeSlots(windowed?.slots(window, endMs, nowMs) ?? [], SLOWEST_SHOWN);
    const overTime = (windowed?.minutes(endMs) ?? []).map((slot) => ({
      at: slot.start,
      p50: latencyStats(slot.sketch)?.p50 ?? 0,
      p99: latencyStats(slot.sketch)?.p99 ?? 0,
      count: slot.sketch.count,
    }));
    return {
      id,
      window,
      at: endMs,
      stats: latencyStats(sketch),
      histogram: histogramBars(sketch.histogram(), HISTOGRAM_BARS),
      overTime,
      slowest,
    };
  }

  /** Approximate bytes held, for /api/health-style reporting and the budget test. */
  get bytes(): number {
    let total = this.pairer.bytes + this.open.bytes + this.wholeTraces.bytes;
    for (const map of [this.edges, this.pathways])
      for (const [key, windowed] of map) total += stringBytes(key) + windowed.bytes;
    return total;
  }

  private file(hop: Hop, nowMs: number): void {
    const { child } = hop;
    const sample = { ms: hop.hopMs, at: child.at, recordId: child.recordId, traceId: child.traceId };
    if (hop.consumer !== null)
      this.series(this.edges, consumeEdgeId(hop.parent.topic, hop.consumer))?.record(sample);
    // A copy carries its original producer's service header: it says nothing about who produced the copy.
    if (hop.via !== "copy" && child.service !== null)
      this.series(this.edges, produceEdgeId(child.service, child.topic))?.record(sample);
    this.series(this.pathways, child.pathway.join(PATHWAY_SEPARATOR))?.record({
      ...sample,
      ms: hop.endToEndMs,
    });
    if (child.traceId !== null) {
      const open = this.open.get(child.traceId);
      this.open.set(child.traceId, {
        traceId: child.traceId,
        rootAt: Math.min(open?.rootAt ?? child.rootAt, child.rootAt),
        lastAt: Math.max(open?.lastAt ?? child.at, child.at),
        lastRecordId: open && open.lastAt > child.at ? open.lastRecordId : child.recordId,
        lastArrivedAt: nowMs,
      });
    }
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
