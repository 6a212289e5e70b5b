/** The `[traceId]` route segment as the id to look up: decoded once, trimmed, and bounded in length. */
export const MAX_TRACE_QUERY_LENGTH = 512;

export function traceIdFromParam(segment: string): string | null {
  let id = segment;
  try {
    id = decodeURIComponent(segment);
  } catch {
    // A stray "%" that is not an escape: the segment is the id as typed.
  }
  id = id.trim();
  return id && id.length <= MAX_TRACE_QUERY_LENGTH ? id : null;
}
