/**
 * Pacing of a re-drive (the velocity limit of an SQS message-move task). Letters go out in small batches,
 * each batch one Kafka transaction, so a fast rate does not cost one transaction per letter and a slow
 * rate still moves evenly: about ten batches a second, never more than MAX_REDRIVE_BATCH letters in one.
 * A transaction costs about the same whatever it carries (partitions added, commit markers written): with
 * 100 letters per transaction a re-drive managed 582 letters/s here, half a plain transactional producer's
 * rate (bench/redrive). So a batch is at most MAX_REDRIVE_BATCH letters, and when several batches are
 * already due (an unthrottled task, or one that fell behind) the server puts them in one transaction of up
 * to 5,000 letters, sent as several produce requests of bounded bytes.
 */
export const MAX_REDRIVE_BATCH = 1_000;

/** Letters per transaction for a rate in letters per second. */
export function redriveBatchSize(ratePerSec: number): number {
  return Math.max(1, Math.min(MAX_REDRIVE_BATCH, Math.floor(ratePerSec / 10)));
}

/**
 * When (ms since epoch) the next batch may start, given how many letters were already sent since
 * `startedAt`: letter n goes out no earlier than n / rate seconds after the start, so N letters take at
 * least (N − batch) / rate seconds whatever the batch size.
 */
export function nextBatchAt(startedAt: number, sentSinceStart: number, ratePerSec: number): number {
  return startedAt + (sentSinceStart / ratePerSec) * 1000;
}

/** Seconds a re-drive of `count` letters takes at least at `ratePerSec` (for the dry run's estimate). */
export function estimateRedriveSeconds(count: number, ratePerSec: number): number {
  if (count <= 0) return 0;
  const lastBatchStart = Math.max(0, count - redriveBatchSize(ratePerSec));
  return Math.ceil((lastBatchStart / ratePerSec) * 10) / 10;
}
