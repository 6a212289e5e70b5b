/**
 * The live tail's buffer as a pure reducer, so the rules that keep a fast stream from freezing the page
 * (cap, order, pause, dedupe) are plain functions with unit tests. The state lives in the TanStack Query
 * cache under `queryKeys.tail(filter)`; the socket hook and the pause button only dispatch into it.
 *
 * Invariants: `rows` and `pending` are newest first, hold no id twice (neither within nor across the
 * two lists), and never exceed `cap` entries each.
 */
import type { TailEvent } from "@/lib/api/events";

export const TAIL_CAP = 1_000;
/** How far back the "sampled: N dropped" notice looks. */
export const DROP_WINDOW_MS = 1_000;

export interface TailState {
  /** What the list shows, newest first. Frozen while paused or held. */
  rows: TailEvent[];
  /** Arrived while frozen, newest first; shown once neither paused nor held. */
  pending: TailEvent[];
  /** Paused by the person (button or "p"); stays until they resume. */
  paused: boolean;
  /** Held while the pointer is on the list, so the row under it does not move away before the click. */
  held: boolean;
  /** Events that arrived while frozen, including any the cap pushed out of `pending`. */
  newWhilePaused: number;
  /** Server-side sampling reports of the last second: what the per-client cap dropped, and when. */
  drops: { at: number; count: number }[];
}

export type TailAction =
  /** A flush of `tail:batch`es: events oldest first (as the server sends them). */
  | { type: "batch"; events: readonly TailEvent[]; dropped: number; at: number }
  /** History from `GET /api/events`, newest first: older than anything live, so it goes below. */
  | { type: "backfill"; events: readonly TailEvent[] }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "hold" }
  | { type: "release" }
  /** Time passing: forgets drop reports older than the window even when no batch arrives. */
  | { type: "tick"; at: number };

export function emptyTail(): TailState {
  return { rows: [], pending: [], paused: false, held: false, newWhilePaused: 0, drops: [] };
}

/** True while new events wait in `pending` instead of moving the list. */
export const isFrozen = (state: TailState) => state.paused || state.held;

/** Keeps the first occurrence of each id not already in `seen`, up to `limit`; adds them to `seen`. */
function takeUnique(events: Iterable<TailEvent>, seen: Set<string>, limit: number): TailEvent[] {
  const out: TailEvent[] = [];
  for (const event of events) {
    if (out.length >= limit) break;
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    out.push(event);
  }
  return out;
}

function* newestFirst(events: readonly TailEvent[]): Generator<TailEvent> {
  for (let i = events.length - 1; i >= 0; i--) yield events[i] as TailEvent;
}

const recentDrops = (drops: TailState["drops"], at: number) =>
  drops.filter((d) => d.at > at - DROP_WINDOW_MS);

function applyBatch(
  state: TailState,
  action: Extract<TailAction, { type: "batch" }>,
  cap: number,
): TailState {
  const drops = recentDrops(
    action.dropped > 0 ? [...state.drops, { at: action.at, count: action.dropped }] : state.drops,
    action.at,
  );
  const seen = new Set<string>([...state.rows, ...state.pending].map((e) => e.id));
  // Partitions are read interleaved, so arrival order is only roughly time order; within one flush the
  // rows are put in timestamp order (stable, so equal times keep arrival order). Older rows never move.
  const fresh = takeUnique(newestFirst(action.events), seen, Infinity).sort(
    (a, b) => b.timestamp - a.timestamp,
  );
  if (fresh.length === 0) return { ...state, drops };
  if (isFrozen(state)) {
    return {
      ...state,
      pending: [...fresh, ...state.pending].slice(0, cap),
      newWhilePaused: state.newWhilePaused + fresh.length,
      drops,
    };
  }
  return { ...state, rows: [...fresh, ...state.rows].slice(0, cap), drops };
}

/** Starting to freeze (from live) starts a new "N new" count; freezing a frozen list keeps counting. */
const freeze = (next: TailState, before: TailState): TailState =>
  isFrozen(before) ? next : { ...next, newWhilePaused: 0 };

/** Once nothing freezes the list any more, what waited goes on top. */
function thaw(next: TailState, cap: number): TailState {
  if (isFrozen(next)) return next;
  return { ...next, rows: [...next.pending, ...next.rows].slice(0, cap), pending: [], newWhilePaused: 0 };
}

export function tailReducer(state: TailState, action: TailAction, cap = TAIL_CAP): TailState {
  switch (action.type) {
    case "batch":
      return applyBatch(state, action, cap);
    case "backfill": {
      // Below whatever arrived live while the request was in flight; duplicates of live rows are skipped.
      const seen = new Set<string>([...state.rows, ...state.pending].map((e) => e.id));
      const room = Math.max(0, cap - state.rows.length);
      return { ...state, rows: [...state.rows, ...takeUnique(action.events, seen, room)] };
    }
    case "pause":
      return state.paused ? state : freeze({ ...state, paused: true }, state);
    case "resume":
      return state.paused ? thaw({ ...state, paused: false }, cap) : state;
    case "hold":
      return state.held ? state : freeze({ ...state, held: true }, state);
    case "release":
      return state.held ? thaw({ ...state, held: false }, cap) : state;
    case "tick": {
      const drops = recentDrops(state.drops, action.at);
      return drops.length === state.drops.length ? state : { ...state, drops };
    }
  }
}

/**
 * Events the server sampled away for this client within the last second. Every batch and tick forgets
 * older reports, and the live hook ticks every ~200 ms, so summing what is left needs no clock in render.
 */
export function droppedLastSecond(state: TailState): number {
  return state.drops.reduce((sum, d) => sum + d.count, 0);
}
