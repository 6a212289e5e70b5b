/** Reads a request's JSON body within a size limit and validates it with the route's schema. */
import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

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
