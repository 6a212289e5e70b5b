/**
 * Channels: how a browser asks for a live view. Every view (the event tail, flow stats, lag, dead letters,
 * one trace) is joined with `channel:join` and left with `channel:leave`, both validated by the one schema
 * below on the server, so every view gets the same checks: a malformed request is refused with a reason,
 * and a socket may hold only a few joins of each channel at once.
 */
import { z } from "zod";
import type { RedriveTask } from "@/lib/api/dlq";
import { eventFilterSchema } from "@/lib/api/events";

const idSchema = z.string().min(1).max(512);

/** Events per second the server sends a tail client that does not say how many it wants. */
export const TAIL_DEFAULT_PER_SEC = 100;
/**
 * The most events per second the server sends one tail client, whatever it asks for: enough for a person to
 * see a busy topic move, bounded so one browser tab costs the server a known amount of serialising.
 */
export const TAIL_MAX_PER_SEC = 2_000;

export const channelRequestSchema = z.discriminatedUnion("channel", [
  /** The live event tail: one per socket; joining again replaces its filter. */
  z.object({
    channel: z.literal("tail"),
    filter: eventFilterSchema,
    /**
     * The most events per second this client wants; the server samples beyond it
     * (default TAIL_DEFAULT_PER_SEC, at most TAIL_MAX_PER_SEC).
     */
    maxPerSec: z.number().finite().optional(),
  }),
  /** The 1 Hz throughput aggregates of the Flows page. */
  z.object({ channel: z.literal("flows") }),
  /** The lag groups table (`group` null) or one group's detail. */
  z.object({ channel: z.literal("lag"), group: idSchema.nullable() }),
  /** Re-drive progress and "this DLQ changed" hints. */
  z.object({ channel: z.literal("dlq") }),
  /** "This trace got new hops" notices for one trace. */
  z.object({ channel: z.literal("trace"), traceId: idSchema }),
]);

export type ChannelRequest = z.infer<typeof channelRequestSchema>;
export type ChannelName = ChannelRequest["channel"];
export type ChannelRequestOf<N extends ChannelName> = Extract<ChannelRequest, { channel: N }>;

/** What a successful join answers, per channel. */
export interface ChannelReplies {
  /** The cap in force for this client (events/s). */
  tail: { maxPerSec: number };
  flows: Record<string, never>;
  lag: Record<string, never>;
  /** The re-drive tasks running now. */
  dlq: { active: RedriveTask[] };
  trace: Record<string, never>;
}

export type ChannelJoinResult =
  | { [N in ChannelName]: { ok: true; channel: N; reply: ChannelReplies[N] } }[ChannelName]
  | { ok: false; error: string };

export interface ChannelClientEvents {
  "channel:join": (request: ChannelRequest, ack: (result: ChannelJoinResult) => void) => void;
  /** Leaves what the same request joined. */
  "channel:leave": (request: ChannelRequest) => void;
}
