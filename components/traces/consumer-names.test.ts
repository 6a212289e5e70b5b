import { describe, expect, it } from "vitest";
import type { HopConsumer } from "@/lib/traces";
import { consumerNames, consumersLabel } from "@/components/traces/consumer-names";

const consumer = (parts: Partial<HopConsumer>): HopConsumer => ({
  group: null,
  service: null,
  consumedAt: 0,
  source: "committed-offset",
  ...parts,
});

describe("consumerNames", () => {
  it("names each consumer by its group, else by the service it was learnt from, once each", () => {
    expect(
      consumerNames([
        consumer({ group: "notification-service" }),
        consumer({ service: "payment-service", source: "child-message" }),
        consumer({ group: "notification-service", consumedAt: 5 }),
      ]),
    ).toEqual(["notification-service", "payment-service"]);
  });

  it("skips consumers known by neither group nor service", () => {
    expect(consumerNames([consumer({})])).toEqual([]);
  });
});

describe("consumersLabel", () => {
  it("lists up to two names and counts the rest", () => {
    expect(consumersLabel(["a"])).toBe("a");
    expect(consumersLabel(["a", "b"])).toBe("a, b");
    expect(consumersLabel(["a", "b", "c", "d"])).toBe("a, b +2");
  });
});
