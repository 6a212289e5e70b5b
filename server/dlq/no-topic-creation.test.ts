import { logLevel } from "kafkajs";
import { describe, expect, it } from "vitest";
import { StateReader } from "@/server/dlq/state-reader";
import { uniqueInternalTopics } from "@/server/dlq/testing/support";
import { createKafka } from "@/server/kafka/client";
import { testConfig } from "@/server/test-support/config";
import { withAdmin } from "@/server/test-support/kafka";
import { testLogger } from "@/server/test-support/silent-logger";

describe("reading never creates topics", () => {
  it("the re-drive state reader pointed at topics that do not exist leaves them uncreated", async () => {
    const logger = testLogger();
    const kafka = createKafka(testConfig().kafka, logger, { level: logLevel.NOTHING, retries: 1 });
    const admin = kafka.admin();
    await admin.connect();
    const topics = uniqueInternalTopics();
    const reader = new StateReader(kafka, admin, topics, "es-test-no-create", logger, Infinity);
    try {
      // Subscribing to a missing topic fails (or waits); either is fine, creating the topic is not.
      await Promise.race([reader.start().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
    } finally {
      await reader.stop();
      await admin.disconnect();
    }
    // A broker with auto-creation on (as this one may be) creates the topic a moment after the request.
    await new Promise((r) => setTimeout(r, 3_000));
    const existing = await withAdmin((a) => a.listTopics());
    expect(existing).not.toContain(topics.ledger);
    expect(existing).not.toContain(topics.tasks);
    expect(existing).not.toContain(topics.audit);
  });
});
