import { describe, expect, it } from "vitest";
import { header, letter } from "./test-builders";
import { decodeDeadLetter } from "./decode-dead-letter";
import {
  matchesRedriveFilter,
  redriveFilterSchema,
  redriveRequestSchema,
  type RedriveFilterSubject,
} from "./redrive-request";

const DESER = "org.springframework.kafka.support.serializer.DeserializationException";

function subject(over: Partial<RedriveFilterSubject> = {}): RedriveFilterSubject {
  return {
    timestamp: 1700000000000,
    origin: { topic: "orders" },
    error: {
      type: DESER,
      causeType: "com.fasterxml.jackson.core.JsonParseException",
      message: "Unexpected character ('}')",
      stacktrace: null,
    },
    ...over,
  };
}

const filter = (f: unknown) => redriveFilterSchema.parse(f);

describe("redriveRequestSchema", () => {
  it("fills the defaults", () => {
    expect(redriveRequestSchema.parse({ ids: ["orders.DLQ/0/12"] })).toEqual({
      ids: ["orders.DLQ/0/12"],
      dryRun: false,
      ratePerSec: 50,
      force: false,
    });
  });

  it("normalises and de-duplicates ids", () => {
    const r = redriveRequestSchema.parse({ ids: ["orders.DLQ/0/012", "orders.DLQ/0/12", "orders.DLQ/1/12"] });
    expect(r.ids).toEqual(["orders.DLQ/0/12", "orders.DLQ/1/12"]);
  });

  it("turns ISO bounds into ms and keeps ms bounds", () => {
    const r = redriveRequestSchema.parse({ filter: { from: "2023-11-14T22:13:20Z", to: 1700000060000 } });
    expect(r.filter).toEqual({ from: 1700000000000, to: 1700000060000 });
  });

  it("accepts an empty filter as 'every dead letter'", () => {
    expect(redriveRequestSchema.parse({ filter: {}, target: "orders", ratePerSec: 10000 }).filter).toEqual(
      {},
    );
  });

  it.each([
    [{}, "either ids or a filter"],
    [{ ids: ["a/0/1"], filter: {} }, "either ids or a filter"],
    [{ ids: [] }, ""],
    [{ ids: ["orders.DLQ-0-12"] }, "is not topic/partition/offset"],
    [{ filter: {}, ratePerSec: 0 }, ""],
    [{ filter: {}, ratePerSec: 10001 }, ""],
    [{ filter: {}, target: "bad topic" }, "not a legal Kafka topic name"],
    [{ filter: {}, dryrun: true }, ""],
    [{ filter: { from: "2023-11-14T22:13:20" } }, ""],
    [{ filter: { from: 1700000060000, to: 1700000000000 } }, "from must not be after to"],
    [{ filter: { text: "   " } }, ""],
  ])("rejects %j", (body, message) => {
    const r = redriveRequestSchema.safeParse(body);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });
});

describe("matchesRedriveFilter", () => {
  it("matches everything with an empty filter", () => {
    expect(matchesRedriveFilter(subject(), filter({}))).toBe(true);
  });

  it("matches the error type by full or simple class name, case-sensitively", () => {
    expect(matchesRedriveFilter(subject(), filter({ errorType: DESER }))).toBe(true);
    expect(matchesRedriveFilter(subject(), filter({ errorType: "DeserializationException" }))).toBe(true);
    expect(matchesRedriveFilter(subject(), filter({ errorType: "deserializationexception" }))).toBe(false);
    expect(matchesRedriveFilter(subject(), filter({ errorType: "Exception" }))).toBe(false);
  });

  it("matches a nested class by its simple name", () => {
    const s = subject({
      error: { type: "com.shop.Orders$Rejected", causeType: null, message: null, stacktrace: null },
    });
    expect(matchesRedriveFilter(s, filter({ errorType: "Rejected" }))).toBe(true);
  });

  it("does not match an error type filter when the letter has no type", () => {
    const s = subject({ error: { type: null, causeType: null, message: "x", stacktrace: null } });
    expect(matchesRedriveFilter(s, filter({ errorType: "x" }))).toBe(false);
  });

  it("matches the origin topic exactly", () => {
    expect(matchesRedriveFilter(subject(), filter({ originTopic: "orders" }))).toBe(true);
    expect(matchesRedriveFilter(subject(), filter({ originTopic: "orders.v2" }))).toBe(false);
  });

  it("keeps letters within from and to, both inclusive", () => {
    expect(matchesRedriveFilter(subject(), filter({ from: 1700000000000, to: 1700000000000 }))).toBe(true);
    expect(matchesRedriveFilter(subject(), filter({ from: 1700000000001 }))).toBe(false);
    expect(matchesRedriveFilter(subject(), filter({ to: "2023-11-14T22:13:19.999Z" }))).toBe(false);
    expect(matchesRedriveFilter(subject({ timestamp: null }), filter({ from: 0 }))).toBe(false);
  });

  it("finds text case-insensitively in type, cause, message, origin topic and the caller's search text", () => {
    expect(matchesRedriveFilter(subject(), filter({ text: "jsonparse" }))).toBe(true);
    expect(matchesRedriveFilter(subject(), filter({ text: "unexpected CHARACTER" }))).toBe(true);
    expect(matchesRedriveFilter(subject(), filter({ text: "ORDERS" }))).toBe(true);
    expect(
      matchesRedriveFilter(subject({ searchText: '{"orderId":"o-77"}' }), filter({ text: "o-77" })),
    ).toBe(true);
    expect(matchesRedriveFilter(subject(), filter({ text: "timeout" }))).toBe(false);
  });

  it("requires every given criterion", () => {
    expect(matchesRedriveFilter(subject(), filter({ originTopic: "orders", text: "timeout" }))).toBe(false);
  });

  it("takes a decoded dead letter as it is", () => {
    const decoded = decodeDeadLetter(letter("orders.DLQ", [header("x-error-type", "PaymentDeclined")]));
    expect(
      matchesRedriveFilter(decoded, filter({ errorType: "PaymentDeclined", originTopic: "orders" })),
    ).toBe(true);
  });
});
