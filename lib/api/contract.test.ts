import { describe, expect, it } from "vitest";
import { apiPath } from "@/lib/api/contract";
import { deadLetterRoute } from "@/lib/api/dlq-routes";
import { eventRoute, eventsRoute } from "@/lib/api/events";
import { healthRoute } from "@/lib/api/health";

describe("apiPath", () => {
  it("encodes a path param once, so a record id's slashes stay in one segment", () => {
    expect(apiPath(eventRoute, { id: "orders.events/2/1041" })).toBe("/api/events/orders.events%2F2%2F1041");
    expect(apiPath(eventRoute, { id: "100%/ok?" })).toBe("/api/events/100%25%2Fok%3F");
  });

  it("fills every param of a template in place", () => {
    expect(apiPath(deadLetterRoute, { topic: "orders.DLQ", partition: 0, offset: "17" })).toBe(
      "/api/dlq/orders.DLQ/messages/0/17",
    );
  });

  it("appends only the query fields that are set", () => {
    expect(apiPath(eventsRoute, {}, { topic: "orders events", q: undefined, limit: 200 })).toBe(
      "/api/events?topic=orders+events&limit=200",
    );
    expect(apiPath(healthRoute)).toBe("/api/health");
  });

  it("refuses to build a path with a param missing", () => {
    expect(() => apiPath(eventRoute, {})).toThrow('missing path param "id"');
  });
});
