/** What the dashboard knows about its own connection to Kafka; drives the connection indicator. */
export type BrokerState = "up" | "down" | "unknown";

export interface BrokerStatus {
  state: BrokerState;
  /** The bootstrap servers Eventscope is configured with, e.g. "127.0.0.1:9092". */
  brokers: string;
  /** Brokers in the cluster as the last successful metadata call saw them. */
  clusterBrokers: number;
  controllerId: number | null;
  /** The cluster's id, as last seen while the broker answered (kept while it is down). */
  clusterId: string | null;
  /** ms since epoch of the last change between up and down. */
  since: number;
  /** ms since epoch of the last check, successful or not. */
  checkedAt: number;
  /** Why the broker is considered down (no secrets: connection errors only). */
  error: string | null;
}

/**
 * What the collector is doing. "catching-up": it is reading again after an interruption (the broker went
 * away, its consumer crashed) and has not yet read what was written meanwhile; "running" once it has.
 */
export const COLLECTOR_RUN_STATES = ["starting", "running", "catching-up", "degraded", "stopped"] as const;
export type CollectorRunState = (typeof COLLECTOR_RUN_STATES)[number];
