/** Bounding work in time: a per-message deadline, and sleeps that end early when aborted. */

export class HandlerTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`message handling took longer than ${timeoutMs} ms`);
    this.name = "HandlerTimeoutError";
  }
}

/**
 * Runs `work` with an AbortSignal that fires after `timeoutMs`, and stops waiting for it then: work that
 * ignores the signal (a kafkajs send cannot be cancelled) no longer holds the partition up.
 */
export async function withTimeout<T>(
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new HandlerTimeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
