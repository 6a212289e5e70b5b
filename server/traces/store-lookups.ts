/**
 * Runs lib/traces' synchronous stitching over a store whose reads may answer later (PostgreSQL answers over
 * the network). Each pass runs the whole computation over the answers fetched so far; a lookup not fetched
 * yet answers empty and is fetched, together with the pass's other misses, before the next pass. The
 * stitching only asks further once answers arrive, so it settles after about as many passes as the trace
 * has causal levels; an embedded store answers at once, so it settles in one pass.
 */
import type { EventSummary } from "@/lib/model/event";
import type { TraceLookup } from "@/lib/traces";
import type { EventStore } from "@/server/store/event-store";

/** A chain deeper than this is answered as far as it was fetched: a request's round trips stay bounded. */
const MAX_PASSES = 24;

type Kind = keyof TraceLookup;

export async function withStoreLookups<T>(store: EventStore, run: (lookup: TraceLookup) => T): Promise<T> {
  const answers = new Map<string, readonly EventSummary[]>();
  for (let pass = 1; ; pass++) {
    const misses = new Map<string, Promise<readonly EventSummary[]>>();
    const ask = (kind: Kind, id: string): readonly EventSummary[] => {
      const key = `${kind}\u0000${id}`;
      const known = answers.get(key);
      if (known) return known;
      const answer = store[kind](id);
      if (!(answer instanceof Promise)) {
        answers.set(key, answer);
        return answer;
      }
      misses.set(key, answer);
      return [];
    };
    const result = run({
      byTraceId: (id) => ask("byTraceId", id),
      byCorrelationId: (id) => ask("byCorrelationId", id),
      byMessageId: (id) => ask("byMessageId", id),
      byCausationId: (id) => ask("byCausationId", id),
    });
    if (misses.size === 0 || pass >= MAX_PASSES) return result;
    const fetched = await Promise.all([...misses].map(async ([key, p]) => [key, await p] as const));
    for (const [key, events] of fetched) answers.set(key, events);
  }
}
