import { describe, expect, it } from "vitest";
import { matchingSelection } from "./selection";

describe("matchingSelection", () => {
  it("turns the table's filter into a re-drive filter", () => {
    expect(matchingSelection({ status: "pending", errorType: "PaymentTimeout", q: "order-7" })).toEqual({
      filter: { errorType: "PaymentTimeout", text: "order-7" },
      label: "all pending letters “PaymentTimeout” matching “order-7”",
    });
  });

  it("selects every pending letter without a filter", () => {
    expect(matchingSelection({ status: "all" })).toEqual({ filter: {}, label: "all pending letters" });
  });
});
