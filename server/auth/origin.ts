/**
 * Cross-site request defence for mutating requests (on top of the SameSite=Strict cookie): the request
 * must say where it comes from, and that must be the dashboard itself.
 *
 * The origin is the `Origin` header; when a client sends none (older browsers on same-origin requests,
 * some privacy tools), the origin of `Referer` stands in. A request with neither is refused: a
 * mutation whose origin cannot be checked is not trusted. "The dashboard itself" is the host the request
 * was sent to (its `Host` header; a cross-site page cannot make the browser send another one) or one of
 * EVENTSCOPE_ALLOWED_ORIGINS, for reverse proxies that rewrite `Host`.
 */
import type { IncomingHttpHeaders } from "node:http";

export type OriginVerdict =
  | { ok: true; origin: string }
  | { ok: false; reason: "missing" | "malformed" | "foreign"; origin: string | null };

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function checkOrigin(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): OriginVerdict {
  const origin = single(headers.origin);
  const referer = single(headers.referer);
  const claimed = origin ?? referer;
  if (claimed === undefined || claimed === "") return { ok: false, reason: "missing", origin: null };
  // A sandboxed or privacy-redirected request says "null": it cannot be ours.
  const parsed = claimed === "null" ? null : originOf(claimed);
  if (parsed === null) return { ok: false, reason: "malformed", origin: claimed.slice(0, 200) };
  const allowed = allowedOrigins.map((o) => originOf(o)).filter((o): o is string => o !== null);
  if (allowed.includes(parsed)) return { ok: true, origin: parsed };
  const host = single(headers.host)?.toLowerCase();
  if (host && new URL(parsed).host.toLowerCase() === host) return { ok: true, origin: parsed };
  return { ok: false, reason: "foreign", origin: parsed };
}
