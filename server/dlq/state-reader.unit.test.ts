import type { Admin, Kafka } from "kafkajs";
import { describe, expect, it } from "vitest";
import type { AuditEntry, RedriveStatus, RedriveTask } from "@/lib/api/dlq";
import { DEFAULT_INTERNAL_TOPICS } from "@/server/dlq/internal-topics";
import { AUDIT_MEMORY_BYTES, auditEntryBytes, StateReader } from "@/server/dlq/state-reader";
import { testLogger } from "@/server/test-support/silent-logger";

/** A reader never started: what it remembers is fed by hand, as the topic or this instance would. */
function reader(): StateReader {
  return new StateReader({} as Kafka, {} as Admin, DEFAULT_INTERNAL_TOPICS, "unit", testLogger(), Infinity);
}

function task(id: string, status: RedriveStatus, updatedAt: number): RedriveTask {
  return {
    id,
    dlqTopic: "orders.DLQ",
    status,
    requestedBy: "alice",
    createdAt: updatedAt,
    updatedAt,
    finishedAt: status === "running" ? null : updatedAt,
    target: null,
    targets: { orders: 1 },
    ratePerSec: 100,
    force: false,
    selection: { kind: "filter", filter: {} },
    total: 1,
    moved: 1,
    skipped: 0,
    failed: 0,
    error: null,
    resumable: false,
    resumes: 0,
  };
}

describe("the re-drive tasks held in memory", () => {
  it("keep the newest 1,000 ended tasks and every task that has not ended, however many end", () => {
    const state = reader();
    // Running tasks are the oldest of all: an age-only bound would drop them first.
    for (let i = 0; i < 3; i++)
      state.rememberTask({ v: 1, task: task(`running-${i}`, "running", i), letters: {} });
    for (let i = 0; i < 5_000; i++)
      state.rememberTask({ v: 1, task: task(`ended-${i}`, "completed", 1_000 + i), letters: {} });
    expect(state.tasks.size).toBeLessThanOrEqual(1_200 + 3);
    for (let i = 0; i < 3; i++) expect(state.tasks.has(`running-${i}`)).toBe(true);
    for (let i = 4_000; i < 5_000; i++) expect(state.tasks.has(`ended-${i}`)).toBe(true);
    expect(state.tasks.has("ended-0")).toBe(false);
  });
});

describe("the audit entries held in memory", () => {
  it("stay within their byte bound when entries list 10,000 letters each, keeping the newest", () => {
    const state = reader();
    const letters = Array.from({ length: 10_000 }, (_, i) => ({
      id: `orders.DLQ/0/${i}`,
      target: "orders",
      partition: 0,
      offset: String(1_000_000 + i),
    }));
    const entry = (i: number): AuditEntry => ({
      id: `entry-${i}`,
      action: "redrive",
      by: "alice",
      at: 1_000 + i,
      outcome: "completed",
      dlqTopic: "orders.DLQ",
      taskId: `task-${i}`,
      target: "orders",
      letters,
      letterCount: letters.length,
      counts: { total: 10_000, moved: 10_000, skipped: 0, failed: 0 },
      message: null,
    });
    for (let i = 0; i < 60; i++) state.addAudit(entry(i));
    const kept = state.auditEntries({ limit: 1_000 });
    expect(kept.reduce((n, e) => n + auditEntryBytes(e), 0)).toBeLessThanOrEqual(AUDIT_MEMORY_BYTES);
    expect(kept[0]?.id).toBe("entry-59");
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.map((e) => e.id)).toEqual(kept.map((_, i) => `entry-${59 - i}`));
  });
});
