/** Dead-letter logic shared by server/dlq and the UI: recognise DLQs, decode letters, prepare re-drives. */
export type * from "./types";
export {
  DEFAULT_DLQ_PATTERNS,
  dlqPatternProblem,
  isDlqTopicName,
  matchDlqPattern,
  retryTopicBase,
} from "./topic-patterns";
export { originFromDlqName, type NameDerivedOrigin } from "./origin-from-name";
export { isTopicName } from "@/lib/model/topic-name";
export { FAMILIES, isDeadLetterHeaderKey, type FamilySpec } from "./header-families";
export { decodeDeadLetter, hasDeadLetterHeaders } from "./decode-dead-letter";
export { ledgerKey, parseLetterId, type LetterRef } from "./letter-id";
export {
  buildRedriveHeaders,
  previousRedriveCount,
  REDRIVE_COUNT,
  REDRIVEN_AT,
  REDRIVEN_BY,
  REDRIVEN_FROM,
  type RedriveHeaderInput,
} from "./redrive-headers";
export {
  DEFAULT_REDRIVE_RATE_PER_SEC,
  MAX_REDRIVE_IDS,
  matchesRedriveFilter,
  redriveFilterSchema,
  redriveRequestSchema,
  type RedriveFilter,
  type RedriveFilterSubject,
  type RedriveRequest,
  type RedriveRequestInput,
} from "./redrive-request";
export {
  countRanges,
  decodeRanges,
  encodeRanges,
  idsToRanges,
  rangesToRefs,
  type PartitionRanges,
} from "./offset-ranges";
export { estimateRedriveSeconds, MAX_REDRIVE_BATCH, nextBatchAt, redriveBatchSize } from "./velocity";
export { groupByErrorType, type GroupableLetter, type LetterGroup } from "./error-groups";
export { describeOrigin, describeOriginPosition, shortTypeName } from "./display";
