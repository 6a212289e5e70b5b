import { describe, expect, it } from "vitest";
import { redriveHref } from "@/components/traces/dlq-href";

describe("redriveHref", () => {
  it("adds the re-drive intent to the letter's link", () => {
    expect(redriveHref("/dlq/payments.DLQ?letter=payments.DLQ%2F0%2F12")).toBe(
      "/dlq/payments.DLQ?letter=payments.DLQ%2F0%2F12&redrive=1",
    );
  });

  it("works for a link without a query and keeps a fragment", () => {
    expect(redriveHref("/dlq/payments.DLQ")).toBe("/dlq/payments.DLQ?redrive=1");
    expect(redriveHref("/dlq/t?letter=a#top")).toBe("/dlq/t?letter=a&redrive=1#top");
  });
});
