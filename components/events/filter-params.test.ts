import { describe, expect, it } from "vitest";
import { filterFromParams, paramsWithFilter } from "@/components/events/filter-params";

describe("filter params", () => {
  it("reads the filter fields and drops empty ones", () => {
    const params = new URLSearchParams("topic=orders.events&service=&q=%20order-42%20&other=1");
    expect(filterFromParams(params)).toEqual({ topic: "orders.events", q: "order-42" });
  });

  it("writes the filter and keeps unrelated parameters", () => {
    const next = paramsWithFilter("service=gateway&view=compact", { topic: "orders.commands", service: "" });
    expect(next.toString()).toBe("view=compact&topic=orders.commands");
  });

  it("round-trips a filter", () => {
    const filter = { topic: "t", service: "payment-service", type: "OrderPlaced", q: "42" };
    expect(filterFromParams(paramsWithFilter("", filter))).toEqual(filter);
  });
});
