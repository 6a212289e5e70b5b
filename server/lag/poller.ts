/**
 * Polls the cluster every interval (measured start to start; a slow poll delays the next, never overlaps
 * it) and hands each outcome — an observation or the failure — to `deliver`. A failed poll never stops
 * the loop. On one instance `deliver` records the outcome at once (poll-status.ts); in a deployment of
 * several instances only the owner polls and `deliver` publishes the outcome for every instance to read
 * (shared-lag.ts). A poll still running when the poller stops finishes, but its outcome is not delivered.
 */
import type { ClusterObservation } from "@/server/lag/types";
import type { Logger } from "@/server/logger";

/** What one poll produced: the cluster as read, or why it could not be read (and when). */
export type PollOutcome = { observation: ClusterObservation } | { failed: string; at: number };

export interface LagPoller {
  /** Polls now unless a poll is running, and resolves when that poll is done. */
  pollNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface LagPollerOptions {
  intervalMs: number;
  read: () => Promise<ClusterObservation>;
  deliver: (outcome: PollOutcome) => void | Promise<void>;
  logger: Logger;
  now?: () => number;
  /** False in tests that drive polls with `pollNow`. */
  autoStart?: boolean;
}

export function startLagPoller(options: LagPollerOptions): LagPoller {
  const { intervalMs, read, deliver, logger, now = Date.now } = options;
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const poll = async () => {
    let outcome: PollOutcome;
    try {
      outcome = { observation: await read() };
    } catch (error) {
      outcome = { failed: error instanceof Error ? error.message : String(error), at: now() };
    }
    // A poll that outlived its poller is dropped: in a deployment the instance stopped because it lost
    // ownership, and publishing what it read then would put a second poller beside the new owner's.
    if (stopped) return;
    try {
      await deliver(outcome);
    } catch (error) {
      logger.warn({ err: error }, "lag poll outcome could not be delivered");
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
    pollNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
