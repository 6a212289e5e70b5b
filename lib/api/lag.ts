/**
 * `GET /api/lag` and `GET /api/lag/:group`, and the same shapes pushed over the socket (`lag:groups`,
 * `lag:group`), so the query cache holds one shape per key whichever way the data arrived.
 *
 * Offsets and offset lags are int64 decimal strings (see lib/lag/types.ts: a JS number is exact only up to
 * 2^53). Chart series carry plain numbers: a point on a chart does not need the last digit. `null` always
 * means unknown, never zero. Times are ms since epoch; durations are seconds.
 */
import { z } from "zod";
import { defineRoute, schemaResponse } from "@/lib/api/contract";

/** A non-negative int64 as a decimal string. */
const int64 = z.string().regex(/^\d{1,19}$/, "must be a non-negative int64 as a decimal string");

export const groupStatusSchema = z.enum(["OK", "WARN", "ERR"]);
export const partitionStatusSchema = z.enum(["OK", "WARN", "STOP", "STALL", "REWIND"]);
/** Kafka's consumer-group states as DescribeGroups reports them. */
export const groupStateSchema = z.enum([
  "Stable",
  "PreparingRebalance",
  "CompletingRebalance",
  "Empty",
  "Dead",
  "Unknown",
]);

/** Seconds until the lag is consumed at the current pace; "never" when the group is falling behind. */
const drainSchema = z.union([z.number().nonnegative(), z.literal("never")]).nullable();

/** What every lag response says about the poll it comes from. */
const pollInfoSchema = z.object({
  /** When the shown data was read from Kafka; null before the first successful poll. */
  observedAt: z.number().nullable(),
  intervalMs: z.number(),
  /** True while the last poll failed: the data shown is the last good poll's. */
  stale: z.boolean(),
  /** Why the last poll failed (connection errors only, never secrets). */
  error: z.string().nullable(),
  /**
   * The end offset lag is measured against. kafkajs' `fetchTopicOffsets` reads the last stable offset
   * (read_committed): below Kafka's LOG-END-OFFSET (the high watermark) while transactions are open.
   */
  endOffset: z.literal("last-stable-offset"),
});

export const trendPointSchema = z.object({ t: z.number(), lag: z.number() });

export const lagGroupSummarySchema = z.object({
  id: z.string(),
  /** One of Eventscope's own groups (named `<KAFKA_CLIENT_ID>-…`), not one of the user's consumers. */
  internal: z.boolean(),
  state: groupStateSchema,
  /** The partition assignor in use (e.g. "RoundRobinAssigner", "range"); "" when the group is Empty. */
  protocol: z.string(),
  members: z.number().int().nonnegative(),
  topics: z.array(z.string()),
  partitions: z.number().int().nonnegative(),
  /** Sum of the known partition lags. */
  totalLag: int64,
  /** Partitions without a committed offset (or end offset): not counted in totalLag. */
  unknownPartitions: z.number().int().nonnegative(),
  maxTimeLagSeconds: z.number().nonnegative().nullable(),
  /** The largest time lag is a lower bound: its committed offset is older than the end-offset history. */
  maxTimeLagExtrapolated: z.boolean(),
  /** Burrow's group status (worst partition; STOP/STALL/REWIND show as ERR); null when nothing was judged. */
  status: groupStatusSchema.nullable(),
  partitionStatuses: z.record(partitionStatusSchema, z.number().int().nonnegative()),
  /** Until every partition is drained (the slowest partition's time). */
  timeToDrainSeconds: drainSchema,
  /** Records per second over the last minute: committed past by the group / written to its partitions. */
  consumeRate: z.number().nonnegative().nullable(),
  produceRate: z.number().nonnegative().nullable(),
  /** Total lag over the last 15 minutes, oldest first, for a sparkline. */
  trend: z.array(trendPointSchema),
});

export const lagGroupsResponseSchema = pollInfoSchema.extend({
  groups: z.array(lagGroupSummarySchema),
});

export const lagMemberSchema = z.object({
  memberId: z.string(),
  clientId: z.string(),
  host: z.string(),
  assignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.number().int()) })),
});

/** One row of `kafka-consumer-groups --describe`, plus time lag, status and rates. */
export const lagPartitionSchema = z.object({
  topic: z.string(),
  partition: z.number().int().nonnegative(),
  currentOffset: int64.nullable(),
  logEndOffset: int64.nullable(),
  lag: int64.nullable(),
  consumerId: z.string().nullable(),
  host: z.string().nullable(),
  clientId: z.string().nullable(),
  timeLagSeconds: z.number().nonnegative().nullable(),
  /** The committed offset was older than the end-offset history: its time lag is extrapolated. */
  timeLagExtrapolated: z.boolean(),
  status: partitionStatusSchema.nullable(),
  consumeRate: z.number().nonnegative().nullable(),
  produceRate: z.number().nonnegative().nullable(),
  timeToDrainSeconds: drainSchema,
});

export const topicHistoryPointSchema = z.object({
  t: z.number(),
  lag: z.number().nullable(),
  timeLagSeconds: z.number().nullable(),
});

export const lagTopicSchema = z.object({
  topic: z.string(),
  lag: int64,
  unknownPartitions: z.number().int().nonnegative(),
  maxTimeLagSeconds: z.number().nonnegative().nullable(),
  /** Offset lag (sum over partitions) and time lag (max) over the last hour, oldest first. */
  history: z.array(topicHistoryPointSchema),
});

export const lagGroupDetailResponseSchema = pollInfoSchema.extend({
  group: lagGroupSummarySchema,
  members: z.array(lagMemberSchema),
  partitions: z.array(lagPartitionSchema),
  topics: z.array(lagTopicSchema),
});

export type GroupStatusValue = z.infer<typeof groupStatusSchema>;
export type PartitionStatusValue = z.infer<typeof partitionStatusSchema>;
export type GroupState = z.infer<typeof groupStateSchema>;
export type TrendPoint = z.infer<typeof trendPointSchema>;
export type LagGroupSummary = z.infer<typeof lagGroupSummarySchema>;
export type LagGroupsResponse = z.infer<typeof lagGroupsResponseSchema>;
export type LagMember = z.infer<typeof lagMemberSchema>;
export type LagPartition = z.infer<typeof lagPartitionSchema>;
export type TopicHistoryPoint = z.infer<typeof topicHistoryPointSchema>;
export type LagTopic = z.infer<typeof lagTopicSchema>;
export type LagGroupDetailResponse = z.infer<typeof lagGroupDetailResponseSchema>;

export const lagGroupsRoute = defineRoute({
  method: "GET",
  path: "/api/lag",
  summary: "Every consumer group with offset lag, time lag, Burrow status and time to drain",
  response: schemaResponse("The groups at the last poll", lagGroupsResponseSchema),
});

export const lagGroupRoute = defineRoute({
  method: "GET",
  path: "/api/lag/:group",
  summary: "One consumer group: members, partitions (as kafka-consumer-groups --describe) and history",
  params: z.object({ group: z.string() }),
  response: schemaResponse("The group at the last poll", lagGroupDetailResponseSchema),
});
