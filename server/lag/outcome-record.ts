/**
 * A poll outcome as one JSON record of the shared lag topic (shared-lag.ts): Maps become entry lists and
 * offsets decimal strings (bigint has no JSON form). Records come from Kafka, so reading one validates it;
 * a record that does not parse is skipped by the reader, never applied.
 */
import { z } from "zod";
import { groupStateSchema } from "@/lib/api/lag";
import type { PollOutcome } from "@/server/lag/poller";
import type { ClusterObservation } from "@/server/lag/types";

const offset = z.string().regex(/^\d{1,20}$/);
const member = z.object({
  memberId: z.string(),
  clientId: z.string(),
  host: z.string(),
  assignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.number().int()) })),
});
const group = z.object({
  id: z.string(),
  state: groupStateSchema,
  protocol: z.string(),
  protocolType: z.string(),
  members: z.array(member),
  committed: z
    .array(z.tuple([z.string(), z.array(z.tuple([z.number().int(), offset.nullable()]))]))
    .nullable(),
});
const recordSchema = z.union([
  z.object({
    v: z.literal(1),
    observedAt: z.number(),
    groups: z.array(group),
    topics: z.array(
      z.tuple([
        z.string(),
        z.object({ observedAt: z.number(), endOffsets: z.array(z.tuple([z.number().int(), offset])) }),
      ]),
    ),
    failures: z.object({ groups: z.array(z.string()), topics: z.array(z.string()) }),
  }),
  z.object({ v: z.literal(1), failed: z.string(), at: z.number() }),
]);

export function encodeOutcome(outcome: PollOutcome): string {
  if (!("observation" in outcome)) return JSON.stringify({ v: 1, failed: outcome.failed, at: outcome.at });
  const o = outcome.observation;
  return JSON.stringify({
    v: 1,
    observedAt: o.observedAt,
    groups: o.groups.map((g) => ({
      ...g,
      committed:
        g.committed === null
          ? null
          : [...g.committed].map(([topic, parts]) => [
              topic,
              [...parts].map(([p, c]) => [p, c?.toString() ?? null]),
            ]),
    })),
    topics: [...o.topics].map(([topic, t]) => [
      topic,
      { observedAt: t.observedAt, endOffsets: [...t.endOffsets].map(([p, end]) => [p, end.toString()]) },
    ]),
    failures: o.failures,
  });
}

/** The outcome a record holds, or null when it is not one this version wrote. */
export function decodeOutcome(value: Buffer | null): PollOutcome | null {
  if (value === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(value.toString("utf8"));
  } catch {
    return null;
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) return null;
  const r = parsed.data;
  if ("failed" in r) return { failed: r.failed, at: r.at };
  const observation: ClusterObservation = {
    observedAt: r.observedAt,
    groups: r.groups.map((g) => ({
      ...g,
      committed:
        g.committed === null
          ? null
          : new Map(
              g.committed.map(([topic, parts]) => [
                topic,
                new Map(parts.map(([p, c]) => [p, c === null ? null : BigInt(c)])),
              ]),
            ),
    })),
    topics: new Map(
      r.topics.map(([topic, t]) => [
        topic,
        { observedAt: t.observedAt, endOffsets: new Map(t.endOffsets.map(([p, end]) => [p, BigInt(end)])) },
      ]),
    ),
    failures: r.failures,
  };
  return { observation };
}
