/**
 * The traces table's filter in the URL (`?service=&topic=&status=&minDurationMs=`), so a filtered list is
 * linkable and survives a reload. Pure, so the round trip is unit tested; empty or invalid values are
 * dropped so equal filters always give equal query keys.
 */
import { apiPath } from "@/lib/api/contract";
import { type TracesQuery, tracesRoute } from "@/lib/api/traces";
import { TRACE_STATUSES } from "@/lib/traces";

export type TracesFilter = Omit<TracesQuery, "limit">;
export type TraceStatusFilter = NonNullable<TracesFilter["status"]>;

export { TRACE_STATUSES };
/** How many recent traces the table asks for (the API allows up to 200). */
export const TRACES_LIMIT = 100;

interface ReadableParams {
  get(name: string): string | null;
}

const isStatus = (value: string): value is TraceStatusFilter =>
  (TRACE_STATUSES as readonly string[]).includes(value);

export function tracesFilterFromParams(params: ReadableParams): TracesFilter {
  const filter: TracesFilter = {};
  const service = params.get("service")?.trim();
  const topic = params.get("topic")?.trim();
  const status = params.get("status")?.trim();
  const minDuration = Number(params.get("minDurationMs") ?? "");
  if (service) filter.service = service.slice(0, 200);
  if (topic) filter.topic = topic.slice(0, 249);
  if (status && isStatus(status)) filter.status = status;
  if (params.get("minDurationMs") && Number.isFinite(minDuration) && minDuration > 0)
    filter.minDurationMs = minDuration;
  return filter;
}

/** `current` with the filter's parameters replaced; other parameters are kept as they were. */
export function paramsWithTracesFilter(
  current: URLSearchParams | string,
  filter: TracesFilter,
): URLSearchParams {
  const next = new URLSearchParams(current);
  const values: Record<keyof TracesFilter, string | undefined> = {
    service: filter.service?.trim() || undefined,
    topic: filter.topic?.trim() || undefined,
    status: filter.status,
    minDurationMs: filter.minDurationMs ? String(filter.minDurationMs) : undefined,
  };
  for (const [name, value] of Object.entries(values)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

/** The API path for the filter: `/api/traces?…&limit=100`. */
export function tracesApiPath(filter: TracesFilter): string {
  const query = Object.fromEntries(paramsWithTracesFilter("", filter));
  return apiPath(tracesRoute, {}, { ...query, limit: TRACES_LIMIT });
}

export const isEmptyTracesFilter = (filter: TracesFilter): boolean =>
  !filter.service && !filter.topic && !filter.status && !filter.minDurationMs;
