import { describe, expect, it } from "vitest";
import { decodeOutcome, encodeOutcome } from "@/server/lag/outcome-record";
import { group, member, observation } from "@/server/lag/testing/observations";

const record = (text: string) => Buffer.from(text, "utf8");

describe("a poll outcome on the shared lag topic", () => {
  it("reads back exactly the observation the owner wrote, 64-bit offsets included", () => {
    const observed = observation(
      5_000,
      [
        group("billing", { orders: [9_007_199_254_740_993n, null] }, [member("m1", { orders: [0, 1] })]),
        group("unreadable", null),
      ],
      { orders: [9_007_199_254_740_999n, 7n] },
      ["deleted-topic"],
    );
    expect(decodeOutcome(record(encodeOutcome({ observation: observed })))).toEqual({
      observation: observed,
    });
  });

  it("reads back a failed poll with its message and time", () => {
    const failed = { failed: "connect ECONNREFUSED 127.0.0.1:9092", at: 7_000 };
    expect(decodeOutcome(record(encodeOutcome(failed)))).toEqual(failed);
  });

  it("skips records it cannot read instead of applying them", () => {
    expect(decodeOutcome(null)).toBeNull();
    expect(decodeOutcome(record("{not json"))).toBeNull();
    expect(decodeOutcome(record(JSON.stringify({ v: 2, failed: "x", at: 1 })))).toBeNull();
    const negative = JSON.parse(encodeOutcome({ observation: observation(1, [], { t: [5n] }) }));
    negative.topics[0][1].endOffsets[0][1] = "-5";
    expect(decodeOutcome(record(JSON.stringify(negative)))).toBeNull();
  });
});
