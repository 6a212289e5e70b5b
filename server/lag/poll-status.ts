/**
 * Applies poll outcomes to the lag state, in the order they arrive, and keeps the status the API reports
 * with every answer. A failure keeps the last good figures, flagged stale; it is logged once when polling
 * starts failing and once when it recovers.
 */
import type { LagState } from "@/server/lag/lag-state";
import type { PollOutcome } from "@/server/lag/poller";
import type { Logger } from "@/server/logger";

export interface PollStatus {
  /** End time of the last successful poll's read. */
  observedAt: number | null;
  /** Outcomes recorded so far (successful or not). */
  polls: number;
  stale: boolean;
  error: string | null;
}

export interface PollRecorder {
  status(): PollStatus;
  record(outcome: PollOutcome): void;
}

export function createPollRecorder(options: {
  state: LagState;
  logger: Logger;
  /** Called after every recorded outcome, successful or not. */
  onPoll: () => void;
}): PollRecorder {
  const { state, logger, onPoll } = options;
  let status: PollStatus = { observedAt: null, polls: 0, stale: false, error: null };
  return {
    status: () => status,
    record(outcome) {
      if ("observation" in outcome) {
        const { observation } = outcome;
        state.apply(observation);
        if (status.error !== null) logger.info("lag polling recovered");
        const { groups, topics } = observation.failures;
        if (groups.length + topics.length > 0)
          logger.debug({ groups, topics }, "lag poll could not read some groups or topics");
        status = { observedAt: observation.observedAt, polls: status.polls + 1, stale: false, error: null };
      } else {
        if (status.error === null)
          logger.warn({ error: outcome.failed }, "lag poll failed; keeping the last figures");
        status = {
          ...status,
          polls: status.polls + 1,
          stale: status.observedAt !== null,
          error: outcome.failed,
        };
      }
      try {
        onPoll();
      } catch (error) {
        logger.error({ err: error }, "lag poll listener failed");
      }
    },
  };
}
