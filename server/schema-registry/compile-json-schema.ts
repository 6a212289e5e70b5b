/**
 * A JSON Schema record's body is the JSON document itself: it is parsed, not validated (the producer's
 * serializer validated it; Eventscope shows what was sent, valid or not).
 */
import { decodeUtf8 } from "@/lib/decode/bytes";
import { parseJson } from "@/lib/decode/payload";

export function compileJsonSchema(schema: string): (body: Uint8Array) => unknown {
  JSON.parse(schema); // a schema that is not JSON is reported when fetched, not on every record
  return (body) => {
    const text = decodeUtf8(body);
    const parsed = text === null ? null : parseJson(text);
    if (parsed === null) throw new Error("the body is not a JSON document");
    return parsed.value;
  };
}
