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
  pathway: readonly string[];
}

/**
 * Object sizes on a 64-bit V8 heap (no pointer compression, as in Node): a header of three words, a word
 * per field, and 16 bytes for each timestamp (past 2^31 a number is a heap object of its own).
 */
const REMEMBERED_OBJECT_BYTES = 24 + 7 * 8 + 2 * 16;
/** The waiting child (as Remembered, with its causation id) and its `{ child, arrivedAt }` wrapper. */
const WAITING_OBJECT_BYTES = 24 + 7 * 8 + 16 + 24 + 2 * 8 + 16 + 8;

/** Heap bytes of a remembered message's own parts (topic, service and pathway are shared; see pairing). */
export const rememberedBytes = (r: Remembered) =>
  REMEMBERED_OBJECT_BYTES + stringBytes(r.recordId) + stringBytes(r.traceId);

/** Heap bytes of a child waiting for its parent, with its own strings. */
export const waitingBytes = (p: Pairable) =>
  WAITING_OBJECT_BYTES + stringBytes(p.id) + stringBytes(p.traceId) + stringBytes(p.messageId);

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
