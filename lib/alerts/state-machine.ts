/**
 * One alert's life: inactive → pending (condition holds, waiting `for`) → firing → resolved, and from
 * resolved back to pending when the condition holds again (a new episode). A pending alert whose
 * condition stops holding was never news: it disappears without a notification.
 */
import type { Alert } from "@/lib/alerts/api";

/** Everything about an alert except where it is in its life. */
export type AlertFields = Omit<Alert, "state" | "since" | "activeAt" | "firedAt" | "resolvedAt">;

/** What `advance` reports so delivery can notify: only firing and resolving are news. */
export type Transition = "fired" | "resolved" | "pending" | "dropped" | null;

export function advance(
  previous: Alert | undefined,
  active: boolean,
  fresh: AlertFields,
  now: number,
): { alert: Alert | undefined; transition: Transition } {
  const forMs = fresh.forSeconds * 1000;
  const episodeOver = !previous || previous.state === "resolved";
  if (active && episodeOver) {
    const base = { ...fresh, activeAt: now, since: now, resolvedAt: null };
    return forMs === 0
      ? { alert: { ...base, state: "firing", firedAt: now }, transition: "fired" }
      : { alert: { ...base, state: "pending", firedAt: null }, transition: "pending" };
  }
  if (!previous) return { alert: undefined, transition: null };
  if (previous.state === "resolved") return { alert: previous, transition: null };
  const current = { ...previous, ...fresh };
  if (previous.state === "pending") {
    if (!active) return { alert: undefined, transition: "dropped" };
    if (now - previous.activeAt >= forMs)
      return { alert: { ...current, state: "firing", since: now, firedAt: now }, transition: "fired" };
    return { alert: current, transition: null };
  }
  if (active) return { alert: current, transition: null };
  return { alert: { ...current, state: "resolved", since: now, resolvedAt: now }, transition: "resolved" };
}
