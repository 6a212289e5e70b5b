/**
 * Trace stitching (by W3C/B3/CloudEvents trace id, then causation and correlation ids): find the events
 * a search term names, expand them over causation and correlation links into other traces, stitch them
 * into a causation tree of hops with consumption and queue/processing times, and shape that for the
 * traces table and the waterfall. Pure and deterministic: the index's lookups, the lag poller's commit
 * history and `now` are all passed in.
 *
 * Server recipe: `findTraceSeeds(id, lookup)` → `collectTraceEvents(seeds.events, lookup)` →
 * `stitchTrace(collected.events, { now, traceId: seeds.traceId, consumption, ... })`.
 */
export type * from "./types";
export { TRACE_STATUSES } from "./types";
export { findTraceSeeds, type SeedMatch, type TraceSeeds } from "./seeds";
export {
  collectTraceEvents,
  DEFAULT_MAX_LINK_DEPTH,
  DEFAULT_MAX_TRACE_EVENTS,
  type CollectedTrace,
  type CollectOptions,
} from "./collect";
export { stitchTrace, type StitchOptions } from "./stitch";
export { DEFAULT_SETTLE_MS } from "./status";
export { filterSummaries, summarizeTrace, type SummaryFilter } from "./summary";
export { waterfallRows, type WaterfallOptions } from "./waterfall";
export { DEFAULT_PALETTE_SIZE, serviceColorIndex } from "./service-color";
export { axisTicks } from "./ticks";
