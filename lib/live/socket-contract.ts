/**
 * The one typed contract between server/live and the browser. Both sides import these interfaces, so a
 * renamed event or a changed payload is a type error on both ends, not a silent mismatch.
 */
import type { AlertsServerEvents } from "@/lib/live/contract-alerts";
import type { DlqClientToServerEvents, DlqServerToClientEvents } from "@/lib/live/contract-dlq";
import type { FlowsClientEvents, FlowsServerEvents } from "@/lib/live/contract-flows";
import type { LagClientEvents, LagServerEvents } from "@/lib/live/contract-lag";
import type { TracesClientEvents, TracesServerEvents } from "@/lib/live/contract-traces";
import type { BrokerStatus } from "@/lib/model/status";

export interface ServerToClientEvents
  extends
    FlowsServerEvents,
    TracesServerEvents,
    DlqServerToClientEvents,
    LagServerEvents,
    AlertsServerEvents {
  /** Sent on connect and on every change of the broker's reachability. */
  "broker:status": (status: BrokerStatus) => void;
}

export interface ClientToServerEvents
  extends FlowsClientEvents, TracesClientEvents, DlqClientToServerEvents, LagClientEvents {
  /** Asks for the current broker status now (e.g. after the tab was in the background). */
  "broker:refresh": (ack: (status: BrokerStatus) => void) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  /** Views this socket asked for; filled by later features (tail, lag, dlq). */
  views: Set<string>;
}
