import { describe, expect, it } from "vitest";
import { defaultDecodeOptions, resolveDecodeOptions } from "@/lib/decode";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import { summarizeRecord } from "@/lib/ingest/summarize-record";
import type { RawRecord } from "@/lib/model/raw-record";
import type { CompiledSchema, SchemaLookup } from "./schema-lookup";
import { writeWireFrame } from "./wire-format";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const utf8 = new TextEncoder();

/** A schema whose "decoding" is a JSON parse of the body, counting how often it runs. */
function countingLookup(): SchemaLookup & { decodes: number } {
  const schema: CompiledSchema = {
    id: 3,
    format: "avro",
    subject: "payments-value",
    version: 1,
    decode: (body) => {
      lookup.decodes++;
      return JSON.parse(new TextDecoder().decode(body)) as unknown;
    },
  };
  const lookup = { decodes: 0, lookup: (id: number) => (id === 3 ? schema : undefined), prepare: () => null };
  return lookup;
}

function record(headers: RawRecord["headers"] = []): RawRecord {
  const value = writeWireFrame(3, utf8.encode(JSON.stringify({ meta: { traceId: TRACE } })));
  return { topic: "payments", partition: 0, offset: "7", timestamp: 1, key: null, value, headers };
}

function options(schemas: SchemaLookup): IngestOptions {
  return {
    decode: resolveDecodeOptions({
      payloadPaths: { ...defaultDecodeOptions.payloadPaths, traceId: ["meta.traceId"] },
    }),
    dlqPatterns: [],
    schemas,
  };
}

describe("payload id paths on records decoded through a schema registry", () => {
  it("finds a trace id at a configured path inside the decoded value", () => {
    const schemas = countingLookup();
    const summary = summarizeRecord(record(), options(schemas));
    expect(summary).toMatchObject({ traceId: TRACE, traceSource: "payload" });
    expect(schemas.decodes).toBe(1);
  });

  it("never decodes the value when headers already give what the payload rules look for", () => {
    const schemas = countingLookup();
    const traceparent = `00-${"a".repeat(32)}-${"b".repeat(16)}-01`;
    const summary = summarizeRecord(
      record([
        { key: "traceparent", value: utf8.encode(traceparent) },
        { key: "ce_type", value: utf8.encode("PaymentCaptured") },
        { key: "correlation-id", value: utf8.encode("order-1") },
        { key: "causation-id", value: utf8.encode("msg-0") },
      ]),
      options(schemas),
    );
    expect(summary).toMatchObject({ traceId: "a".repeat(32), traceSource: "traceparent" });
    expect(schemas.decodes).toBe(0);
  });
});
