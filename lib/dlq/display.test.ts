import { describe, expect, it } from "vitest";
import { describeOrigin, describeOriginPosition, shortTypeName } from "./display";

describe("shortTypeName", () => {
  it("keeps the simple class name of a Java type, inner classes included", () => {
    expect(shortTypeName("org.example.PaymentDeclinedException")).toBe("PaymentDeclinedException");
    expect(shortTypeName("org.example.Outer$InnerException")).toBe("InnerException");
  });

  it("leaves app error types alone and names a missing one", () => {
    expect(shortTypeName("PaymentTimeout")).toBe("PaymentTimeout");
    expect(shortTypeName(null)).toBe("no error type");
  });
});

describe("describeOrigin", () => {
  it("says when the origin was derived from the DLQ's name, and when it is unknown", () => {
    expect(describeOrigin({ topic: "payments", source: "header" })).toBe("payments");
    expect(describeOrigin({ topic: "orders", source: "derived-from-name" })).toBe(
      "orders (from the DLQ's name)",
    );
    expect(describeOrigin({ topic: null, source: "unknown" })).toBe("unknown — pick a target");
  });

  it("adds partition and offset when the headers give them", () => {
    expect(describeOriginPosition({ partition: 2, offset: "1234" })).toBe("p2 @ 1234");
    expect(describeOriginPosition({ partition: 0, offset: null })).toBe("p0");
    expect(describeOriginPosition({ partition: null, offset: null })).toBeNull();
  });
});
