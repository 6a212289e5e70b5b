/**
 * The one typed contract between server/live and the browser. Both sides import these interfaces, so a
 * renamed event or a changed payload is a type error on both ends, not a silent mismatch.
 */
import type { AlertsServerEvents } from "@/lib/live/contract-alerts";
import type { ChannelClientEvents, ChannelRequest } from "@/lib/live/contract-channels";
import type { DlqServerToClientEvents } from "@/lib/live/contract-dlq";
import type { FlowsServerEvents } from "@/lib/live/contract-flows";
import type { LagServerEvents } from "@/lib/live/contract-lag";
import type { TracesServerEvents } from "@/lib/live/contract-traces";
import type { BrokerStatus, CollectorRunState } from "@/lib/model/status";
import type { EventSummary } from "@/lib/model/event";

export interface ServerToClientEvents
  extends
    FlowsServerEvents,
    TracesServerEvents,
    DlqServerToClientEvents,
    LagServerEvents,
    AlertsServerEvents {
  /** Sent on connect and on every change of the broker's reachability. */
  "broker:status": (status: BrokerStatus) => void;
  /** Sent on every change of what this instance's collector is doing (e.g. catching up after an outage). */
  "collector:state": (state: CollectorRunState) => void;
}

/** A client asks for live views only through channels (contract-channels.ts), so every view gets the same checks. */
export interface ClientToServerEvents extends ChannelClientEvents {
  /** Asks for the current broker status now (e.g. after the tab was in the background). */
  "broker:refresh": (ack: (status: BrokerStatus) => void) => void;
}

/** Between Eventscope instances (through the Redis adapter): the events each one reads, for the others' tails. */
export interface InterServerEvents {
  "tail:events": (events: EventSummary[]) => void;
}

export interface SocketData {
  /** The channels this socket joined: room → the request that joined it (see server/live/channels.ts). */
  channels: Map<string, ChannelRequest>;
}
