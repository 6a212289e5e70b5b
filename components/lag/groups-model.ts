/**
 * The groups table's view state and rules, as plain functions: which groups count as lagging, how each
 * column sorts, and how the view is written into the URL (so a filtered, sorted table is linkable).
 */
import type { LagGroupSummary } from "@/lib/api/lag";
import { formatDrain } from "@/components/lag/format";

export const SORT_KEYS = ["status", "group", "state", "members", "lag", "timeLag", "drain"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export interface GroupsView {
  onlyLagging: boolean;
  /** Also list Eventscope's own consumer groups (hidden by default: they are not the user's). */
  showInternal: boolean;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_VIEW: GroupsView = {
  onlyLagging: false,
  showInternal: false,
  sort: "status",
  dir: "desc",
};

/** Behind by this much time counts as lagging even while Burrow still says OK. */
export const LAGGING_TIME_LAG_SECONDS = 10;

/** Lagging: Burrow says WARN or ERR, or the group is at least 10 s behind. */
export function isLagging(group: LagGroupSummary): boolean {
  if (group.status === "WARN" || group.status === "ERR") return true;
  return (group.maxTimeLagSeconds ?? 0) >= LAGGING_TIME_LAG_SECONDS;
}

export function readView(params: URLSearchParams): GroupsView {
  const sort = params.get("sort");
  const dir = params.get("dir");
  const validSort = SORT_KEYS.find((k) => k === sort);
  return {
    onlyLagging: params.get("lagging") === "1",
    showInternal: params.get("internal") === "1",
    sort: validSort ?? DEFAULT_VIEW.sort,
    dir: dir === "asc" || dir === "desc" ? dir : validSort ? defaultDir(validSort) : DEFAULT_VIEW.dir,
  };
}

/** The query string for a view (defaults left out, so the plain page URL stays plain). */
export function writeView(view: GroupsView): string {
  const params = new URLSearchParams();
  if (view.onlyLagging) params.set("lagging", "1");
  if (view.showInternal) params.set("internal", "1");
  if (view.sort !== DEFAULT_VIEW.sort || view.dir !== DEFAULT_VIEW.dir) {
    params.set("sort", view.sort);
    params.set("dir", view.dir);
  }
  return params.toString();
}

/** The groups the table lists: the user's, plus Eventscope's own ones when asked for. */
export function visibleGroups(groups: readonly LagGroupSummary[], view: GroupsView): LagGroupSummary[] {
  return groups.filter((g) => view.showInternal || !g.internal);
}

/** Names sort A→Z first; figures worst first. */
export const defaultDir = (key: SortKey): SortDir => (key === "group" || key === "state" ? "asc" : "desc");

/** Clicking a header: the same column flips direction, another column starts at its natural direction. */
export function toggleSort(view: GroupsView, key: SortKey): GroupsView {
  if (view.sort === key) return { ...view, dir: view.dir === "asc" ? "desc" : "asc" };
  return { ...view, sort: key, dir: defaultDir(key) };
}

const STATUS_RANK = { OK: 0, WARN: 1, ERR: 2 } as const;

type Value = number | bigint | string | null;

function valueOf(group: LagGroupSummary, key: SortKey): Value {
  switch (key) {
    case "status":
      return group.status === null ? null : STATUS_RANK[group.status];
    case "group":
      return group.id;
    case "state":
      return group.state;
    case "members":
      return group.members;
    case "lag":
      return BigInt(group.totalLag);
    case "timeLag":
      return group.maxTimeLagSeconds;
    case "drain":
      return group.timeToDrainSeconds === "never" ? Number.POSITIVE_INFINITY : group.timeToDrainSeconds;
  }
}

function compare(a: Value, b: Value): number {
  if (typeof a === "string" && typeof b === "string") return a.localeCompare(b);
  if (a === null || b === null) return 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted copy; unknown values last in either direction; ties by total lag (worst first), then by name. */
export function sortGroups(
  groups: readonly LagGroupSummary[],
  key: SortKey,
  dir: SortDir,
): LagGroupSummary[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...groups].sort((a, b) => {
    const [va, vb] = [valueOf(a, key), valueOf(b, key)];
    if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
    return (
      sign * compare(va, vb) || compare(valueOf(b, "lag"), valueOf(a, "lag")) || a.id.localeCompare(b.id)
    );
  });
}

/**
 * How the time to drain reads for a group. The raw estimate says "never" whenever the consume rate is not
 * above the produce rate — also for a healthy consumer that keeps pace with a small in-flight lag. That
 * group is not falling behind: while Burrow says OK and it is less than 10 s behind, it reads "keeping up".
 */
export function drainLabel(group: LagGroupSummary): { text: string; alarming: boolean } {
  if (group.timeToDrainSeconds === "never") {
    const keepingUp = group.status === "OK" && (group.maxTimeLagSeconds ?? 0) < LAGGING_TIME_LAG_SECONDS;
    return keepingUp ? { text: "keeping up", alarming: false } : { text: "never", alarming: true };
  }
  return { text: formatDrain(group.timeToDrainSeconds), alarming: false };
}
