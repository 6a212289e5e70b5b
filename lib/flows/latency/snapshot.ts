/**
 * The flow-latency windows saved across restarts: a versioned JSON document and the schema that checks it
 * on the way back in. A saved file is untrusted input (a crash may cut it, a person may edit it), so every
 * array and string is bounded here; anything that does not fit is refused as a whole, never half-read.
 */
import { z } from "zod";
import type { AggregatorState } from "./flow-latency";
import { MAX_KEYS } from "./flow-latency";
import { MAX_BINS } from "./sketch";
import { SLOWEST_PER_SLOT } from "./windows";

export const SNAPSHOT_VERSION = 1;
/** Slots per ring at most (the coarse ring has 60). */
const MAX_SLOTS = 60;

const finite = z.number().finite();
const count = z.number().int().nonnegative();

const sketchSchema = z.object({
  bins: z.array(z.tuple([z.number().int(), count])).max(MAX_BINS),
  zeros: count,
  count,
  sum: finite.nonnegative(),
  // An empty sketch's min/max are ±Infinity, which JSON writes as null.
  min: finite.nullable(),
  max: finite.nullable(),
});

const sampleSchema = z.object({
  ms: finite.nonnegative(),
  at: finite,
  recordId: z.string().max(600),
  traceId: z.string().max(64).nullable(),
  originalProducer: z.string().max(300).optional(),
});

const slotSchema = z.object({
  start: finite,
  sketch: sketchSchema,
  slowest: z.array(sampleSchema).max(SLOWEST_PER_SLOT),
});

const windowedSchema = z.object({
  fine: z.array(slotSchema).max(MAX_SLOTS),
  coarse: z.array(slotSchema).max(MAX_SLOTS),
});

const keyed = z.array(z.tuple([z.string().max(1_000), windowedSchema])).max(MAX_KEYS);

const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  savedAt: finite,
  windows: z.object({ edges: keyed, pathways: keyed, traces: windowedSchema }),
});

export interface LatencySnapshot {
  version: typeof SNAPSHOT_VERSION;
  savedAt: number;
  windows: AggregatorState;
}

export const latencySnapshot = (windows: AggregatorState, savedAt: number): LatencySnapshot => ({
  version: SNAPSHOT_VERSION,
  savedAt,
  windows,
});

/** The saved windows, or why they cannot be used. */
export function readLatencySnapshot(
  json: unknown,
): { ok: true; snapshot: LatencySnapshot } | { ok: false; reason: string } {
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? "not a snapshot" };
  const { windows, savedAt } = parsed.data;
  const windowed = (w: z.infer<typeof windowedSchema>) => ({
    fine: w.fine.map(slot),
    coarse: w.coarse.map(slot),
  });
  const slot = (s: z.infer<typeof slotSchema>) => ({
    ...s,
    sketch: { ...s.sketch, min: s.sketch.min ?? Infinity, max: s.sketch.max ?? -Infinity },
  });
  return {
    ok: true,
    snapshot: latencySnapshot(
      {
        edges: windows.edges.map(([key, w]) => [key, windowed(w)]),
        pathways: windows.pathways.map(([key, w]) => [key, windowed(w)]),
        traces: windowed(windows.traces),
      },
      savedAt,
    ),
  };
}
