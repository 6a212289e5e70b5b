/** Request helpers for mutating routes: the session cookie and whether the request came over TLS. */
import type { IncomingMessage } from "node:http";

export const SESSION_COOKIE = "eventscope_session";

/** The value of one cookie, or null. */
export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** True when the browser reached us over TLS (directly or through a proxy that says so). */
export function isSecureRequest(req: IncomingMessage): boolean {
  const proto = req.headers["x-forwarded-proto"];
  return (
    ("encrypted" in req.socket && req.socket.encrypted === true) ||
    (typeof proto === "string" && proto.split(",")[0]?.trim() === "https")
  );
}
