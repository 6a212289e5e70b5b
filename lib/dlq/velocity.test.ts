import { describe, expect, it } from "vitest";
import { estimateRedriveSeconds, MAX_REDRIVE_BATCH, nextBatchAt, redriveBatchSize } from "./velocity";

describe("redriveBatchSize", () => {
  it("sends about ten batches a second", () => {
    expect(redriveBatchSize(100)).toBe(10);
    expect(redriveBatchSize(50)).toBe(5);
  });

  it("sends one letter at a time below 20/s and caps fast rates", () => {
    expect(redriveBatchSize(1)).toBe(1);
    expect(redriveBatchSize(19)).toBe(1);
    expect(redriveBatchSize(10_000)).toBe(MAX_REDRIVE_BATCH);
  });
});

describe("nextBatchAt", () => {
  it("lets letter n go out n / rate seconds after the start", () => {
    expect(nextBatchAt(1_000, 0, 100)).toBe(1_000);
    expect(nextBatchAt(1_000, 990, 100)).toBe(10_900);
  });
});

describe("estimateRedriveSeconds", () => {
  it("counts the time until the last batch starts: 1,000 letters at 100/s take 9.9 s", () => {
    expect(estimateRedriveSeconds(1_000, 100)).toBe(9.9);
    expect(estimateRedriveSeconds(0, 100)).toBe(0);
    expect(estimateRedriveSeconds(5, 100)).toBe(0);
  });
});
