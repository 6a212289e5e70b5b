/** Records what the lag service showed for one group after every poll, and waits for conditions on it. */
import type { LagGroupDetailResponse } from "@/lib/api/lag";
import type { LagService } from "@/server/lag/service";

export interface GroupPolls {
  /** Every successful poll's detail of the group, oldest first (absent polls: group not listed). */
  readonly seen: LagGroupDetailResponse[];
  latest(): LagGroupDetailResponse | undefined;
  /** Resolves with the first poll from now on that satisfies `check`. */
  waitFor(
    what: string,
    check: (detail: LagGroupDetailResponse) => boolean,
    timeoutMs?: number,
  ): Promise<LagGroupDetailResponse>;
  stop(): void;
}

export function recordGroupPolls(service: LagService, group: string): GroupPolls {
  const seen: LagGroupDetailResponse[] = [];
  const waiters = new Set<(d: LagGroupDetailResponse) => void>();
  const off = service.onPoll(() => {
    const detail = service.group(group);
    if (!detail || detail.stale) return;
    seen.push(detail);
    for (const waiter of [...waiters]) waiter(detail);
  });
  return {
    seen,
    latest: () => seen.at(-1),
    waitFor(what, check, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        const waiter = (detail: LagGroupDetailResponse) => {
          if (!check(detail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(detail);
        };
        waiters.add(waiter);
      });
    },
    stop: off,
  };
}
