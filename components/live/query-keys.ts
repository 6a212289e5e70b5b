import type { EventFilter } from "@/lib/api/events";
import type { TracesQuery } from "@/lib/api/traces";

/** Query-key factory: every cached server resource has exactly one key shape, defined here. */
export const queryKeys = {
  brokerStatus: ["broker-status"] as const,
  /** The collector's state from `GET /api/health`, then every `collector:state` push. */
  collectorState: ["collector-state"] as const,
  health: ["health"] as const,
  /** `GET /api/topics`. */
  topics: ["topics"] as const,
  /** `GET /api/flows`: the shape of the graph (rates inside it are only a first paint). */
  flowGraph: ["flows", "graph"] as const,
  /** The latest `flows:stats` push. */
  flowStats: ["flows", "stats"] as const,
  /** Rolling window of `flows:stats` pushes for the throughput chart (see throughput-series.ts). */
  flowSeries: ["flows", "series"] as const,
  /** The live tail for one filter: backfilled by `GET /api/events`, then fed by `tail:batch`. */
  tail: (filter: EventFilter) => ["tail", filter] as const,
  /** One full event (`GET /api/events/:id`), for the drawer. */
  event: (id: string) => ["events", id] as const,
  /** `GET /api/traces` for one filter (without `limit`), polled every few seconds. */
  traces: (filter: Omit<TracesQuery, "limit">) => ["traces", "list", filter] as const,
  /** `GET /api/traces/:id` for the id as pasted; refetched when `trace:changed` names the trace. */
  trace: (id: string) => ["traces", "trace", id] as const,
  /** `GET /api/lag`, then every `lag:groups` push. */
  lagGroups: ["lag", "groups"] as const,
  /** `GET /api/lag/:group`, then every `lag:group` push for that group. */
  lagGroup: (group: string) => ["lag", "group", group] as const,
  /** Dead letters: `GET /api/dlq`, refetched on `dlq:changed`. */
  dlqTopics: ["dlq", "topics"] as const,
  /** `GET /api/dlq/:topic/messages` pages for one query (infinite). */
  dlqLetters: (topic: string, query: Record<string, string>) => ["dlq", "letters", topic, query] as const,
  /** Every letters query of one topic, for invalidation. */
  dlqTopicLetters: (topic: string) => ["dlq", "letters", topic] as const,
  /** `GET /api/dlq/:topic/messages/:partition/:offset`. */
  dlqLetter: (id: string) => ["dlq", "letter", id] as const,
  /** `GET /api/redrives?topic=`, patched by `dlq:task` pushes. */
  redriveTasks: (topic: string) => ["dlq", "tasks", topic] as const,
  /** `GET /api/audit`. */
  audit: (topic: string | null) => ["dlq", "audit", topic ?? ""] as const,
  /** `GET /api/alerts`, then every `alerts:changed` push. */
  alerts: ["alerts", "list"] as const,
  /** `GET /api/alerts/rules`, then every `alerts:rules` push. */
  alertRules: ["alerts", "rules"] as const,
  /** `GET /api/auth/session`. */
  session: ["auth", "session"] as const,
};
