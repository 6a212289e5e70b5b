/** Request helpers for mutating routes: a bounded JSON body and the session cookie. */
import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export const SESSION_COOKIE = "eventscope_session";

/** Reads and validates a JSON body; an empty body reads as `{}`. */
export async function readJsonBody<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  limitBytes = 64 * 1024,
): Promise<z.output<S>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes)
      throw new AppError("bad_request", `request body is larger than ${limitBytes} bytes`);
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text !== "") {
    const type = req.headers["content-type"] ?? "";
    if (!type.toLowerCase().startsWith("application/json"))
      throw new AppError("bad_request", "send the body as JSON (content-type: application/json)");
  }
  let json: unknown;
  try {
    json = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "the request body is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
    throw new AppError("bad_request", `invalid request: ${problems.join("; ")}`, { problems });
  }
  return parsed.data;
}

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
