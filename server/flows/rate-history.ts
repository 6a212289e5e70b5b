/**
 * Edge rates as they were, for scrubbing the flow graph back: a snapshot of every edge's rate each
 * SNAPSHOT_MS over the last hour (360 snapshots of at most MAX_EDGES numbers each), so memory is fixed.
 */
const SNAPSHOT_MS = 10_000;
const SNAPSHOTS = 360;
const MAX_EDGES = 500;

export class RateHistory {
  private readonly ring: ({ at: number; rates: Record<string, number> } | undefined)[] = new Array(SNAPSHOTS);
  private lastAt = -Infinity;

  /** Takes a snapshot when the last one is SNAPSHOT_MS old; cheap to call every second. */
  maybeRecord(nowMs: number, rates: () => Record<string, number>): void {
    if (nowMs - this.lastAt < SNAPSHOT_MS) return;
    this.lastAt = nowMs;
    const kept = Object.fromEntries(Object.entries(rates()).slice(0, MAX_EDGES));
    this.ring[Math.floor(nowMs / SNAPSHOT_MS) % SNAPSHOTS] = { at: nowMs, rates: kept };
  }

  /** The snapshot taken closest before `atMs` (within one snapshot interval), or null when none was. */
  at(atMs: number): Record<string, number> | null {
    let best: { at: number; rates: Record<string, number> } | undefined;
    for (const snapshot of this.ring)
      if (
        snapshot &&
        snapshot.at <= atMs &&
        atMs - snapshot.at < 2 * SNAPSHOT_MS &&
        (!best || snapshot.at > best.at)
      )
        best = snapshot;
    return best?.rates ?? null;
  }
}
