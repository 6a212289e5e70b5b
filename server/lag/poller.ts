/**
 * Polls the cluster every interval (measured start to start; a slow poll delays the next, never overlaps
 * it) and feeds the state. A failed poll never stops the loop: the last good figures stay, flagged stale,
 * and the failure is logged once when polling starts failing and once when it recovers.
 */
import type { LagState } from "@/server/lag/lag-state";
import type { ClusterObservation } from "@/server/lag/types";
import type { Logger } from "@/server/logger";

export interface PollStatus {
  /** End time of the last successful poll's read. */
  observedAt: number | null;
  /** Polls attempted so far (successful or not). */
  polls: number;
  stale: boolean;
  error: string | null;
}

export interface LagPoller {
  status(): PollStatus;
  /** Polls now unless a poll is running, and resolves when that poll is done. */
  pollNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface LagPollerOptions {
  intervalMs: number;
  read: () => Promise<ClusterObservation>;
  state: LagState;
  logger: Logger;
  /** Called after every poll, successful or not. */
  onPoll: () => void;
  now?: () => number;
  /** False in tests that drive polls with `pollNow`. */
  autoStart?: boolean;
}

export function startLagPoller(options: LagPollerOptions): LagPoller {
  const { intervalMs, read, state, logger, onPoll, now = Date.now } = options;
  let status: PollStatus = { observedAt: null, polls: 0, stale: false, error: null };
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const poll = async () => {
    try {
      const observation = await read();
      state.apply(observation);
      if (status.error !== null) logger.info("lag polling recovered");
      const { groups, topics } = observation.failures;
      if (groups.length + topics.length > 0)
        logger.debug({ groups, topics }, "lag poll could not read some groups or topics");
      status = { observedAt: observation.observedAt, polls: status.polls + 1, stale: false, error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (status.error === null) logger.warn({ error: message }, "lag poll failed; keeping the last figures");
      status = { ...status, polls: status.polls + 1, stale: status.observedAt !== null, error: message };
    }
    try {
      onPoll();
    } catch (error) {
      logger.error({ err: error }, "lag poll listener failed");
    }
  };

  const pollNow = () => {
    inFlight ??= poll().finally(() => (inFlight = null));
    return inFlight;
  };

  const loop = async () => {
    const started = now();
    await pollNow();
    if (!stopped) timer = setTimeout(loop, Math.max(0, intervalMs - (now() - started)));
  };
  if (options.autoStart !== false) void loop();

  return {
    status: () => status,
    pollNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
