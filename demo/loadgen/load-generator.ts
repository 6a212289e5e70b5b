/**
 * Places orders through the gateway's HTTP API at `rate` per second (so the whole HTTP → Kafka path
 * runs), plus a user registration now and then. The rate follows the control state live; 0 idles.
 * Requests in flight are capped so a stalled gateway does not pile up thousands of sockets.
 */
import type { Control } from "../control";
import type { Logger } from "../logger";
import type { Stats } from "../stats";
import { randomOrder, randomUser } from "./random-data";

const TICK_MS = 100;
const MAX_IN_FLIGHT = 100;
/** Share of orders that come with a new customer's registration. */
const REGISTRATION_SHARE = 0.2;

export interface LoadGenerator {
  stop(): Promise<void>;
}

export function startLoadGenerator(
  gatewayUrl: string,
  control: Control,
  logger: Logger,
  stats: Stats,
): LoadGenerator {
  const inFlight = new Set<Promise<void>>();
  const stopped = new AbortController();
  let credit = 0;
  let lastTick = Date.now();
  let lastErrorLog = 0;

  const post = (path: string, body: unknown, counter: string) => {
    const request = fetch(`${gatewayUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.any([AbortSignal.timeout(10_000), stopped.signal]),
    })
      .then(async (res) => {
        await res.body?.cancel();
        stats.count(res.status === 202 ? counter : `load generator: HTTP ${res.status}`);
      })
      .catch((error: unknown) => {
        if (stopped.signal.aborted) return;
        stats.count("load generator: request failed");
        if (Date.now() - lastErrorLog > 10_000) {
          lastErrorLog = Date.now(); // one line per 10 s, not one per failed request
          logger.warn({ err: error }, "load generator: request to the gateway failed");
        }
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  const timer = setInterval(() => {
    const now = Date.now();
    const rate = control.state.rate;
    // Credit accrues with time, capped at one second's worth so a pause does not end in a burst.
    credit = Math.min(credit + (rate * (now - lastTick)) / 1_000, Math.max(rate, 1));
    lastTick = now;
    while (credit >= 1 && inFlight.size < MAX_IN_FLIGHT) {
      credit -= 1;
      post("/orders", randomOrder(), "orders placed");
      if (Math.random() < REGISTRATION_SHARE) post("/users", randomUser(), "users registered");
    }
  }, TICK_MS);

  return {
    async stop() {
      clearInterval(timer);
      stopped.abort(); // what the gateway already accepted completes anyway; no need to wait for answers
      await Promise.allSettled([...inFlight]);
    },
  };
}
