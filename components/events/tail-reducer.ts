/**
 * The live tail's buffer as a pure reducer, so the rules that keep a fast stream from freezing the page
 * (cap, order, pause, dedupe) are plain functions with unit tests. The state lives in the TanStack Query
 * cache under `queryKeys.tail(filter)`; the socket hook and the pause button only dispatch into it.
 *
 * Invariants: `rows` and `pending` are newest first, hold no id twice (neither within nor across the
 * two lists), and never exceed `cap` entries or `budget` bytes each (see tail-bounds.ts).
 */
import type { TailEvent } from "@/lib/api/events";
import { keepWithin } from "@/components/events/tail-bounds";
import { type TailChoices, addChoices, noChoices } from "@/components/events/tail-choices";
import { holdsId, stackWithin } from "@/components/events/tail-index";

/** Rows kept: a few seconds of the fastest stream the server sends (2,000 events/s) to scroll back through. */
export const TAIL_CAP = 5_000;
/** And at most this much memory (estimated) per list, whatever the events carry. */
export const TAIL_BYTES = 8 * 1024 * 1024;
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
  /**
   * Live events that entered `rows` so far (on arrival, or on resume from `pending`): what the person was
   * shown and could scroll to. Backfilled history is not counted.
   */
  appended: number;
  /** Services and event types the list has shown: the filter's choices (see tail-choices.ts). */
  choices: TailChoices;
}

export type TailAction =
  /**
   * A flush of `tail:batch`es: events oldest first (as the server sends them). `overflow`: older events the
   * inbox let go before this flush because these newer ones would push them out anyway (a tab too busy or
   * hidden to flush); they count as new while frozen, and are never appended.
   */
  | { type: "batch"; events: readonly TailEvent[]; dropped: number; at: number; overflow?: number }
  /** History from `GET /api/events`, newest first: older than anything live, so it goes below. */
  | { type: "backfill"; events: readonly TailEvent[] }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "hold" }
  | { type: "release" }
  /** Time passing: forgets drop reports older than the window even when no batch arrives. */
  | { type: "tick"; at: number };

export function emptyTail(): TailState {
  return {
    rows: [],
    pending: [],
    paused: false,
    held: false,
    newWhilePaused: 0,
    drops: [],
    appended: 0,
    choices: noChoices,
  };
}

/** True while new events wait in `pending` instead of moving the list. */
export const isFrozen = (state: TailState) => state.paused || state.held;

/** Keeps the first occurrence of each id that neither list holds yet, up to `limit`. */
function takeUnique(events: Iterable<TailEvent>, state: TailState, limit: number): TailEvent[] {
  const out: TailEvent[] = [];
  const taken = new Set<string>();
  for (const event of events) {
    if (out.length >= limit) break;
    if (taken.has(event.id) || holdsId(state.rows, event.id) || holdsId(state.pending, event.id)) continue;
    taken.add(event.id);
    out.push(event);
  }
  return out;
}

function* newestFirst(events: readonly TailEvent[]): Generator<TailEvent> {
  for (let i = events.length - 1; i >= 0; i--) yield events[i] as TailEvent;
}

const recentDrops = (drops: TailState["drops"], at: number) =>
  drops.filter((d) => d.at > at - DROP_WINDOW_MS);

/** Puts `fresh` (newest first) on top of the rows and counts how many of them stayed in the list. */
function prepend(state: TailState, fresh: TailEvent[], cap: number, budget: number): TailState {
  const rows = stackWithin(fresh, state.rows, cap, budget);
  return {
    ...state,
    rows,
    appended: state.appended + Math.min(fresh.length, rows.length),
    choices: addChoices(state.choices, fresh),
  };
}

function applyBatch(
  state: TailState,
  action: Extract<TailAction, { type: "batch" }>,
  cap: number,
  budget: number,
): TailState {
  const drops = recentDrops(
    action.dropped > 0 ? [...state.drops, { at: action.at, count: action.dropped }] : state.drops,
    action.at,
  );
  const overflow = action.overflow ?? 0;
  // Partitions are read interleaved, so arrival order is only roughly time order; within one flush the
  // rows are put in timestamp order (stable, so equal times keep arrival order). Older rows never move.
  const fresh = takeUnique(newestFirst(action.events), state, Infinity).sort(
    (a, b) => b.timestamp - a.timestamp,
  );
  if (isFrozen(state) && fresh.length + overflow > 0) {
    return {
      ...state,
      pending: stackWithin(fresh, state.pending, cap, budget),
      newWhilePaused: state.newWhilePaused + fresh.length + overflow,
      drops,
    };
  }
  if (fresh.length === 0 || isFrozen(state)) return { ...state, drops };
  return prepend({ ...state, drops }, fresh, cap, budget);
}

/** Starting to freeze (from live) starts a new "N new" count; freezing a frozen list keeps counting. */
const freeze = (next: TailState, before: TailState): TailState =>
  isFrozen(before) ? next : { ...next, newWhilePaused: 0 };

/** Once nothing freezes the list any more, what waited goes on top. */
function thaw(next: TailState, cap: number, budget: number): TailState {
  if (isFrozen(next)) return next;
  return prepend({ ...next, pending: [], newWhilePaused: 0 }, next.pending, cap, budget);
}

export function tailReducer(
  state: TailState,
  action: TailAction,
  cap = TAIL_CAP,
  budget = TAIL_BYTES,
): TailState {
  switch (action.type) {
    case "batch":
      return applyBatch(state, action, cap, budget);
    case "backfill": {
      // Below whatever arrived live while the request was in flight; duplicates of live rows are skipped.
      const room = Math.max(0, cap - state.rows.length);
      const history = takeUnique(action.events, state, room);
      const rows = keepWithin([...state.rows, ...history], cap, budget);
      return { ...state, rows, choices: addChoices(state.choices, history) };
    }
    case "pause":
      return state.paused ? state : freeze({ ...state, paused: true }, state);
    case "resume":
      return state.paused ? thaw({ ...state, paused: false }, cap, budget) : state;
    case "hold":
      return state.held ? state : freeze({ ...state, held: true }, state);
    case "release":
      return state.held ? thaw({ ...state, held: false }, cap, budget) : state;
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
