import { describe, expect, it } from "vitest";
import { ledgerKey, parseLetterId } from "./letter-id";

describe("ledgerKey", () => {
  it("joins DLQ topic, partition and offset with slashes", () => {
    expect(ledgerKey("orders.DLQ", 3, "1234")).toBe("orders.DLQ/3/1234");
    expect(ledgerKey("orders.DLQ", 0, 9007199254740993n)).toBe("orders.DLQ/0/9007199254740993");
  });
});

describe("parseLetterId", () => {
  it("splits an id back into its parts", () => {
    expect(parseLetterId("orders.DLQ/3/1234")).toEqual({ topic: "orders.DLQ", partition: 3, offset: "1234" });
  });

  it("keeps int64 offsets exact and normalises leading zeros", () => {
    expect(parseLetterId("t/0/9223372036854775807")?.offset).toBe("9223372036854775807");
    expect(parseLetterId("t/0/007")?.offset).toBe("7");
  });

  it.each([
    "orders.DLQ/3",
    "orders DLQ/3/1",
    "t/-1/5",
    "t/0/x",
    "/0/1",
    "t/2147483648/0",
    "t/0/9223372036854775808",
  ])("rejects %j", (id) => {
    expect(parseLetterId(id)).toBeNull();
  });
});
