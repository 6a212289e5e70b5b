/**
 * The services and event types a tail has shown, for the filter's selects. Gathered once per flush from
 * the new events only (not from every row on every render), kept sorted and bounded, and replaced by a new
 * array only when a value appears that was not there, so the selects re-render only then.
 */
import type { TailEvent } from "@/lib/api/events";

/** Choices kept per select: enough for any real system, bounded against a stream of made-up names. */
export const CHOICES_CAP = 200;

export interface TailChoices {
  services: readonly string[];
  types: readonly string[];
}

export const noChoices: TailChoices = { services: [], types: [] };

function withNew(known: readonly string[], values: Iterable<string | null>): readonly string[] {
  let added: string[] | null = null;
  for (const value of values) {
    if (!value || known.includes(value) || added?.includes(value)) continue;
    if (known.length + (added?.length ?? 0) >= CHOICES_CAP) break;
    (added ??= []).push(value);
  }
  return added ? [...known, ...added].sort((a, b) => a.localeCompare(b)) : known;
}

export function addChoices(choices: TailChoices, events: readonly TailEvent[]): TailChoices {
  const services = withNew(
    choices.services,
    events.map((e) => e.service),
  );
  const types = withNew(
    choices.types,
    events.map((e) => e.eventType),
  );
  return services === choices.services && types === choices.types ? choices : { services, types };
}
