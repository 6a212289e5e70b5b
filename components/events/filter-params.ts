/**
 * The tail filter in the URL (`?topic=&service=&type=&q=`), so a filtered view is linkable. Pure, so the
 * round trip is unit tested; empty values are dropped so equal filters always give equal query keys.
 */
import type { EventFilter } from "@/lib/api/events";

export const FILTER_FIELDS = [
  "topic",
  "service",
  "type",
  "q",
] as const satisfies readonly (keyof EventFilter)[];

interface ReadableParams {
  get(name: string): string | null;
}

export function filterFromParams(params: ReadableParams): EventFilter {
  const filter: EventFilter = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filter[field] = value.slice(0, 200);
  }
  return filter;
}

/** `current` with the filter fields replaced by `filter`; other parameters are kept as they were. */
export function paramsWithFilter(current: URLSearchParams | string, filter: EventFilter): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const field of FILTER_FIELDS) {
    const value = filter[field]?.trim();
    if (value) next.set(field, value);
    else next.delete(field);
  }
  return next;
}
