/**
 * Records in the Confluent wire format, produced to the real broker with schemas registered in the real
 * registry (the embedded Apicurio Registry), read back through the dashboard's API as a person opening
 * them would see them.
 */
import avro from "avsc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventResponse } from "@/lib/api/events";
import type { TraceResponse } from "@/lib/api/traces";
import type { EventRecord } from "@/lib/model/event";
import type { TestApp } from "@/server/test-support/app";
import * as harness from "@/server/test-support/hostile";
import { deleteTestTopics, uniqueName } from "@/server/test-support/kafka";
import {
  avroBytes,
  avroLong,
  framed,
  protoBytes,
  registerTestSchema,
  testRegistryUrl,
} from "@/server/test-support/schema-registry";
import { avroSchemas, otherSchemas } from "@/server/test-support/schema-fixtures";

const topic = uniqueName("schema-registry");
const utf8 = (text: string) => new TextEncoder().encode(text);

const { userV1, userV2, traced, tracedWithLedger, money, refund } = avroSchemas(topic);
const { proto, protoKey, commonProto, placedProto, placedInline, jsonSchema } = otherSchemas;
const LEDGER_ENTRY = 9_007_199_254_740_993n;

const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
const ids: Record<string, number> = {};
const cases: harness.HostileCase[] = [];
let produced: harness.Produced[] = [];
let app: TestApp;

async function openEvent(target: TestApp, name: string): Promise<EventRecord> {
  const record = produced.find((p) => p.name === name)!;
  const id = `${topic}/${record.partition}/${record.offset}`;
  const res = await fetch(`${target.url}/api/events/${encodeURIComponent(id)}`);
  expect(res.status, `GET /api/events/${id}`).toBe(200);
  const body = (await res.json()) as EventResponse;
  if (body.payload !== "stored") throw new Error(`payload of ${name} expired`);
  return body.event;
}

beforeAll(async () => {
  ids.userV1 = await registerTestSchema(`${topic}-value`, JSON.stringify(userV1));
  ids.userV2 = await registerTestSchema(`${topic}-value`, JSON.stringify(userV2));
  ids.userKey = await registerTestSchema(`${topic}-key`, JSON.stringify({ type: "string" }));
  ids.traced = await registerTestSchema(uniqueName("payments-value"), JSON.stringify(tracedWithLedger));
  ids.proto = await registerTestSchema(uniqueName("stock-value"), proto, "PROTOBUF");
  ids.protoKey = await registerTestSchema(uniqueName("stock-key"), protoKey, "PROTOBUF");
  ids.json = await registerTestSchema(uniqueName("orders-value"), jsonSchema, "JSON");
  const moneySubject = uniqueName("money-value");
  await registerTestSchema(moneySubject, JSON.stringify(money));
  ids.refund = await registerTestSchema(uniqueName("refunds-value"), JSON.stringify(refund), "AVRO", [
    { name: "Money", subject: moneySubject, version: 1 },
  ]);
  const commonSubject = uniqueName("common-proto");
  await registerTestSchema(commonSubject, commonProto, "PROTOBUF");
  ids.placed = await registerTestSchema(uniqueName("placed-value"), placedProto, "PROTOBUF", [
    { name: "shop/common.proto", subject: commonSubject, version: 1 },
  ]);
  ids.jsonKey = await registerTestSchema(
    uniqueName("orders-key"),
    // Apicurio recognises a JSON Schema with no object properties only by its `$schema`.
    JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", type: "string" }),
    "JSON",
  );
  cases.push(
    {
      name: "avro v1",
      key: avroBytes({ type: "string" }, ids.userKey, "u-1"),
      value: avroBytes(userV1, ids.userV1, { userId: "u-1", name: "Ada" }),
    },
    {
      name: "avro v2",
      value: avroBytes(userV2, ids.userV2, { userId: "u-2", name: "Grace", email: "g@x.io" }),
    },
    {
      name: "protobuf",
      key: protoBytes(ids.protoKey, protoKey, "Sku", [0], { code: "sku-mug" }),
      value: protoBytes(ids.proto, proto, "shop.stock.StockReserved", [0], {
        sku: "sku-mug",
        quantity: "9007199254740993",
        checksum: Buffer.from([1, 2, 3]),
      }),
    },
    {
      name: "protobuf second message",
      value: protoBytes(ids.proto, proto, "shop.stock.StockReleased", [1], { sku: "sku-mug", reason: 1 }),
    },
    {
      name: "json schema",
      key: framed(ids.jsonKey, utf8('"o-1"')),
      value: framed(ids.json, utf8('{"orderId":"o-1","total":19.8}')),
    },
    { name: "unknown schema id", value: framed(987_654, utf8("whatever")) },
    {
      name: "avro with a reference",
      value: avroBytes(
        { ...refund, fields: [refund.fields[0], { name: "amount", type: money }] },
        ids.refund,
        {
          refundId: "r-1",
          amount: { cents: 1980 },
        },
      ),
    },
    {
      name: "protobuf with imports",
      value: protoBytes(ids.placed, placedInline, "shop.orders.OrderPlaced", [0], {
        id: "o-9",
        total: { cents: 1980 },
        at: { seconds: 1_700_000_000, nanos: 5 },
      }),
    },
    {
      name: "trace root",
      value: '{"type":"PaymentRequested"}',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    },
    {
      name: "trace id inside avro",
      // Fields are encoded one after another: the ledger entry's bytes simply follow the others'.
      value: framed(
        ids.traced,
        new Uint8Array([
          ...avro.Type.forSchema(traced as avro.Schema).toBuffer({
            paymentId: "p-1",
            amountCents: 1980,
            traceId,
          }),
          ...avroLong(LEDGER_ENTRY),
        ]),
      ),
    },
  );
  await harness.createTopic(topic);
  produced = await harness.produceCases(topic, cases);
  app = await harness.startHostileApp({ EVENTSCOPE_SCHEMA_REGISTRY_URL: testRegistryUrl });
  await harness.waitUntilListed(app, topic, produced);
});

afterAll(async () => {
  await app?.close();
  await deleteTestTopics([topic]);
});

describe("records in the schema registry's wire format", () => {
  it("decodes an Avro value and key, showing subject, id and version beside it", async () => {
    const event = await openEvent(app, "avro v1");
    expect(event.value).toMatchObject({
      kind: "json",
      json: { userId: "u-1", name: "Ada" },
      schema: { id: ids.userV1, format: "avro", subject: `${topic}-value`, version: 1 },
    });
    expect(event.key).toMatchObject({
      kind: "json",
      json: "u-1",
      schema: { id: ids.userKey, format: "avro" },
    });
    expect(event.decodeError).toBeNull();
  });

  it("decodes each record with the version of the subject it was written with", async () => {
    const event = await openEvent(app, "avro v2");
    expect(event.value).toMatchObject({
      json: { userId: "u-2", name: "Grace", email: "g@x.io" },
      schema: { id: ids.userV2, subject: `${topic}-value`, version: 2 },
    });
  });

  it("decodes Protobuf values and keys, 64-bit integers as exact strings and bytes as base64", async () => {
    const event = await openEvent(app, "protobuf");
    expect(event.value).toMatchObject({
      json: { sku: "sku-mug", quantity: "9007199254740993", checksum: "AQID" },
      schema: { id: ids.proto, format: "protobuf", version: 1 },
    });
    expect(event.key).toMatchObject({
      json: { code: "sku-mug" },
      schema: { id: ids.protoKey, format: "protobuf" },
    });
  });

  it("picks the Protobuf message type the message indexes name", async () => {
    const event = await openEvent(app, "protobuf second message");
    expect(event.value.json).toEqual({ sku: "sku-mug", reason: "CANCELLED" });
  });

  it("decodes JSON Schema values and keys", async () => {
    const event = await openEvent(app, "json schema");
    expect(event.value).toMatchObject({ json: { orderId: "o-1", total: 19.8 }, schema: { format: "json" } });
    expect(event.key).toMatchObject({ json: "o-1", schema: { id: ids.jsonKey, format: "json" } });
  });

  it("decodes schemas built from others under their own subjects (Avro named types, .proto imports)", async () => {
    expect((await openEvent(app, "avro with a reference")).value.json).toEqual({
      refundId: "r-1",
      amount: { cents: 1980 },
    });
    expect((await openEvent(app, "protobuf with imports")).value.json).toEqual({
      id: "o-9",
      total: { cents: "1980" },
      at: { seconds: "1700000000", nanos: 5 },
    });
  });

  it("shows a record whose schema id the registry does not know as bytes, saying why", async () => {
    const event = await openEvent(app, "unknown schema id");
    expect(event.value.kind).toBe("binary");
    expect(event.value.text.startsWith("00000f1206")).toBe(true);
    expect(event.value.notDecoded).toMatch(
      /^schema 987654 is not in the schema registry at 127\.0\.0\.1:\d+$/,
    );
  });

  it("reads Avro longs beyond 2^53 exactly, as decimal strings, and safe ones as numbers", async () => {
    const event = await openEvent(app, "trace id inside avro");
    expect(event.value.json).toEqual({
      paymentId: "p-1",
      amountCents: 1980,
      traceId,
      ledgerEntry: "9007199254740993",
    });
  });

  it("stitches a trace whose id sits only inside an Avro field", async () => {
    const res = await fetch(`${app.url}/api/traces/${traceId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as TraceResponse;
    const hopIds = body.trace.hops.map((h) => h.id);
    const inside = produced.find((p) => p.name === "trace id inside avro")!;
    expect(hopIds).toContain(`${topic}/${inside.partition}/${inside.offset}`);
    expect(body.trace.hops.find((h) => h.id.endsWith(`/${inside.offset}`))?.event.traceSource).toBe(
      "payload",
    );
    expect(hopIds).toHaveLength(2);
  });
});

describe("when the schema registry is down", () => {
  let down: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 9 of this machine: the registry is unreachable, as when it is down.
    down = await harness.startHostileApp({
      EVENTSCOPE_SCHEMA_REGISTRY_URL: "http://127.0.0.1:9/apis/ccompat/v7",
    });
    await harness.waitUntilListed(down, topic, produced);
  });
  afterAll(() => down?.close());

  it("shows wire-format records as bytes with the reason, and the API still answers", async () => {
    const event = await openEvent(down, "avro v1");
    expect(event.value).toMatchObject({
      kind: "binary",
      notDecoded: "the schema registry at 127.0.0.1:9 is unreachable",
    });
    expect(event.value.schema).toBeUndefined();
    expect((await fetch(`${down.url}/api/health`)).status).toBe(200);
    const plain = await openEvent(down, "trace root");
    expect(plain.value.json).toEqual({ type: "PaymentRequested" });
  });
});
