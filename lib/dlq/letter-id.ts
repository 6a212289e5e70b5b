/**
 * A dead letter's id is its record id (`dlqTopic/partition/offset`, see lib/model/record-id): the key of the
 * compacted re-drive ledger `__eventscope_redrives`, the value of `x-redriven-from`, and what the REST API's
 * `ids` hold. These names say which role the id plays where it is used.
 */
export {
  formatRecordId as ledgerKey,
  parseRecordId as parseLetterId,
  type RecordRef as LetterRef,
} from "@/lib/model/record-id";
