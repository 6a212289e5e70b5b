import { describe, expect, it } from "vitest";
import { FetchCycles } from "@/server/collector/fetch-cycles";

describe("FetchCycles", () => {
  it("is caught up once a broker's fetch came back and its batches left nothing unread", () => {
    const cycles = new FetchCycles();
    expect(cycles.fetchStarting(1)).toBe(false);
    cycles.fetched(1);
    expect(cycles.fetchStarting(1)).toBe(true);
  });

  it("is not caught up while a batch of the last cycle left records behind, until a clean cycle follows", () => {
    const cycles = new FetchCycles();
    cycles.fetched(1);
    cycles.lagging();
    expect(cycles.fetchStarting(1)).toBe(false);
    cycles.fetched(1);
    expect(cycles.fetchStarting(1)).toBe(true);
  });

  it("waits for every broker: a lagging batch spoils the cycles of all brokers open at the time", () => {
    const cycles = new FetchCycles();
    cycles.fetched(1);
    cycles.fetched(2);
    expect(cycles.fetchStarting(1)).toBe(false);
    cycles.fetched(1);
    cycles.lagging();
    expect(cycles.fetchStarting(2)).toBe(false);
    expect(cycles.fetchStarting(1)).toBe(false);
    cycles.fetched(1);
    cycles.fetched(2);
    expect(cycles.fetchStarting(1)).toBe(false);
    expect(cycles.fetchStarting(2)).toBe(true);
  });

  it("forgets cycles of an earlier group generation", () => {
    const cycles = new FetchCycles();
    cycles.fetched(1);
    cycles.reset();
    expect(cycles.fetchStarting(1)).toBe(false);
  });
});
