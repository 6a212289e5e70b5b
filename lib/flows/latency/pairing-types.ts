import type { EventSummary } from "@/lib/model/event";
import { stringBytes } from "./bounded-recent";

/** The parts of a stored event that pairing reads. */
export type Pairable = Pick<
  EventSummary,
  "id" | "topic" | "timestamp" | "traceId" | "messageId" | "causationId" | "service"
>;

/** What is remembered of a recent message, so later messages can pair with it. */
export interface Remembered {
  recordId: string;
  topic: string;
  at: number;
  traceId: string | null;
  service: string | null;
  /** Timestamp of the first message of its flow (itself when it has no known parent). */
  rootAt: number;
  /** Topics from the flow's root to this message (see extendPathway). */
  pathway: string[];
}

export const rememberedBytes = (r: Remembered) =>
  120 + stringBytes(r.recordId) + 16 * r.pathway.length + stringBytes(r.traceId);

/** A message paired with the message that caused it. */
export interface Hop {
  parent: Remembered;
  child: Remembered;
  via: "copy" | "causation" | "trace";
  /** The service (or, for a copy, the consumer group) whose work the hop measures; null when unknown. */
  consumer: string | null;
  hopMs: number;
  endToEndMs: number;
}
