import type { EndOffsetPoint, EndOffsetTable } from "./types";

/** kafka-lag-exporter keeps 60 points per partition by default; at a 5 s poll that is five minutes. */
export const DEFAULT_END_OFFSET_TABLE_CAPACITY = 60;

/** An empty table. Capacity must be at least 2: interpolation needs two points. */
export function createEndOffsetTable(capacity: number = DEFAULT_END_OFFSET_TABLE_CAPACITY): EndOffsetTable {
  if (!Number.isInteger(capacity) || capacity < 2) {
    throw new RangeError(`end-offset table capacity must be an integer ≥ 2, got ${capacity}`);
  }
  return { capacity, points: [] };
}

/** The latest observed end offset, or null before the first observation. */
export function newestEndOffset(table: EndOffsetTable): EndOffsetPoint | null {
  return table.points.at(-1) ?? null;
}

/**
 * Adds an observation and returns the new table (the same table when the point is dropped).
 *
 * Dropped, as kafka-lag-exporter does: a point not later than the newest one (a slow poll answering after
 * a faster one, or the same poll twice) and a point whose offset is lower than the newest one (an end
 * offset never goes down on a live partition; a lower one is a stale replica's answer). Keeping either
 * would make the table non-monotone and the interpolation meaningless. Also dropped: negative offsets and
 * non-finite times, which are not observations at all.
 *
 * Flat runs (the producer is idle, the end offset does not move) keep their first and their latest point;
 * a third equal point replaces the latest instead of being appended.
 * - The first point pins when the log reached that offset. Records written before the pause keep their
 *   write time, so a consumer stuck before the pause sees its time lag keep growing with the clock. If the
 *   run were one point whose time moved forward on every poll, the estimated write time of those records
 *   would move forward too and the time lag of a stuck consumer would stop growing.
 * - The latest point pins when the log was *still* at that offset. Records written after the pause are
 *   interpolated from it, not spread back over the whole pause, which would make them look older than they
 *   are and inflate time lag once the producer resumes.
 * - Keeping every point of the run would fill a bounded table with identical offsets and push out the
 *   history that extrapolation for far-behind consumers needs.
 */
export function appendEndOffset(table: EndOffsetTable, point: EndOffsetPoint): EndOffsetTable {
  if (point.offset < 0n || !Number.isFinite(point.observedAt)) return table;
  const { points } = table;
  const newest = points.at(-1);
  if (newest !== undefined) {
    if (point.observedAt <= newest.observedAt || point.offset < newest.offset) return table;
    const beforeNewest = points.at(-2);
    if (point.offset === newest.offset && beforeNewest?.offset === point.offset) {
      return { ...table, points: [...points.slice(0, -1), point] };
    }
  }
  const kept = points.length >= table.capacity ? points.slice(points.length - table.capacity + 1) : points;
  return { ...table, points: [...kept, point] };
}
