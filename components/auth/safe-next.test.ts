import { describe, expect, it } from "vitest";
import { safeNext } from "@/components/auth/safe-next";

const origin = "http://127.0.0.1:3000";

describe("safeNext", () => {
  it("keeps a path of this dashboard, with its query and fragment", () => {
    expect(safeNext("/dlq/orders.DLQ?error=Timeout#top", origin)).toBe("/dlq/orders.DLQ?error=Timeout#top");
    expect(safeNext("/traces", origin)).toBe("/traces");
  });

  it("refuses every way of naming another host", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " /evil",
    ])
      expect(safeNext(next, origin), JSON.stringify(next)).toBe("/dlq");
  });

  it("falls back to the dead-letter page without a next", () => {
    expect(safeNext(null, origin)).toBe("/dlq");
    expect(safeNext("", origin)).toBe("/dlq");
  });
});
