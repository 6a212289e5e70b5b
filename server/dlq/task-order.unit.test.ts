import { describe, expect, it } from "vitest";
import type { RedriveTask } from "@/lib/api/dlq";
import { supersedes } from "@/server/dlq/task-order";

const task = (status: RedriveTask["status"], updatedAt: number) => ({ status, updatedAt }) as RedriveTask;

describe("supersedes", () => {
  it("lets the later record win", () => {
    expect(supersedes(task("running", 2), task("cancelled", 1))).toBe(true);
    expect(supersedes(task("cancelling", 1), task("cancelled", 2))).toBe(false);
  });

  it("never lets a same-millisecond progress record undo a task's end, whichever arrives last", () => {
    expect(supersedes(task("cancelling", 5), task("cancelled", 5))).toBe(false);
    expect(supersedes(task("cancelled", 5), task("cancelling", 5))).toBe(true);
    expect(supersedes(task("running", 5), task("running", 5))).toBe(true);
  });
});
