import { describe, expect, it } from "vitest";
import { MAX_TRANSACTION_LETTERS, dueLetters } from "@/server/dlq/runner";

describe("how many letters a re-drive transaction carries", () => {
  it("is one batch while the task keeps to its velocity", () => {
    expect(dueLetters(0, 0, 100)).toBe(10);
    expect(dueLetters(1_000, 100, 100)).toBe(10);
    expect(dueLetters(0, 0, 10_000)).toBe(1_000);
  });

  it("takes in every letter already due when the task is behind, never one the limit does not allow yet", () => {
    // 100/s, 2 s in, 150 sent: letters up to 200 may have started, plus the batch that may go early.
    expect(dueLetters(2_000, 150, 100)).toBe(60);
    // Unthrottled and Kafka the limit: 1.5 s in at 10,000/s, 3,000 sent.
    expect(dueLetters(1_500, 3_000, 10_000)).toBe(MAX_TRANSACTION_LETTERS);
    expect(dueLetters(400, 3_000, 10_000)).toBe(2_000);
  });
});
