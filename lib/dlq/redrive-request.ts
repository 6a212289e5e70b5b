/**
 * The body of `POST /api/dlq/:topic/redrive` and the filter it selects dead letters with.
 * Objects are strict: in a request that moves messages, a misspelt `dryrun` must be an error, not a
 * silently real re-drive.
 */
import { z } from "zod";
import { parseLetterId } from "./letter-id";
import { isTopicName } from "@/lib/model/topic-name";

export const DEFAULT_REDRIVE_RATE_PER_SEC = 50;
export const MAX_REDRIVE_IDS = 10_000;

const topicName = z.string().refine(isTopicName, "not a legal Kafka topic name");

/** ms since epoch, or an ISO 8601 date-time with `Z` or an offset (a local time would be ambiguous). */
const instant = z
  .union([z.number().int().nonnegative().max(8.64e15), z.iso.datetime({ offset: true })])
  .transform((v) => (typeof v === "number" ? v : Date.parse(v)));

const text = z.string().trim().min(1).max(500);

export const redriveFilterSchema = z
  .strictObject({
    /** Exception class: the full name, or its simple name (`DeserializationException`). */
    errorType: text.optional(),
    originTopic: topicName.optional(),
    /** Bounds on the dead letter's own record timestamp, both inclusive. */
    from: instant.optional(),
    to: instant.optional(),
    /** Case-insensitive substring of the error, origin topic or the caller's search text. */
    text: text.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: "from must not be after to",
    path: ["to"],
  });

/** `topic/partition/offset`, normalised (`orders.DLQ/0/007` → `orders.DLQ/0/7`) so duplicates collapse. */
const letterId = z.string().transform((id, ctx) => {
  const ref = parseLetterId(id);
  if (ref) return `${ref.topic}/${ref.partition}/${ref.offset}`;
  ctx.addIssue({ code: "custom", message: `"${id.slice(0, 300)}" is not topic/partition/offset` });
  return z.NEVER;
});

export const redriveRequestSchema = z
  .strictObject({
    ids: z
      .array(letterId)
      .min(1)
      .max(MAX_REDRIVE_IDS)
      .transform((ids) => [...new Set(ids)])
      .optional(),
    filter: redriveFilterSchema.optional(),
    /** Where to send the letters; defaults (server-side) to each letter's origin topic. */
    target: topicName.optional(),
    dryRun: z.boolean().default(false),
    ratePerSec: z.number().min(1).max(10_000).default(DEFAULT_REDRIVE_RATE_PER_SEC),
    /** Re-drive letters the ledger says were already re-driven. */
    force: z.boolean().default(false),
  })
  // Exactly one selector, so "which letters?" always has one answer; `filter: {}` selects all of them.
  .refine((r) => (r.ids === undefined) !== (r.filter === undefined), {
    message: "give either ids or a filter (an empty filter {} selects every dead letter)",
  });

export type RedriveFilter = z.output<typeof redriveFilterSchema>;
export type RedriveRequest = z.output<typeof redriveRequestSchema>;
export type RedriveRequestInput = z.input<typeof redriveRequestSchema>;

/** What a filter looks at; a DecodedDeadLetter fits, plus optional text such as the decoded value. */
export interface RedriveFilterSubject {
  timestamp: number | null;
  origin: { topic: string | null };
  error: { type: string | null; causeType: string | null; message: string | null; stacktrace: string | null };
  searchText?: string;
}

const simpleName = (type: string) => type.slice(Math.max(type.lastIndexOf("."), type.lastIndexOf("$")) + 1);

export function matchesRedriveFilter(letter: RedriveFilterSubject, filter: RedriveFilter): boolean {
  const { errorType, originTopic, from, to, text: needle } = filter;
  const type = letter.error.type;
  if (errorType !== undefined && (type === null || (type !== errorType && simpleName(type) !== errorType))) {
    return false;
  }
  if (originTopic !== undefined && letter.origin.topic !== originTopic) return false;
  if (from !== undefined && (letter.timestamp === null || letter.timestamp < from)) return false;
  if (to !== undefined && (letter.timestamp === null || letter.timestamp > to)) return false;
  if (needle === undefined) return true;
  const { causeType, message, stacktrace } = letter.error;
  const haystack = [type, causeType, message, stacktrace, letter.origin.topic, letter.searchText];
  const lower = needle.toLowerCase();
  return haystack.some((s) => s?.toLowerCase().includes(lower) ?? false);
}
