/**
 * Two Eventscope instances in this process, as two machines would run them: the same settings (so one
 * collector group), one PostgreSQL database, one Redis. Each has its own HTTP port and socket server.
 */
import { AssignerProtocol } from "kafkajs";
import type { Config } from "@/server/config";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { uniqueName, withAdmin } from "@/server/test-support/kafka";
import { createTestDatabase, type TestDatabase } from "@/server/test-support/postgres";

export const TEST_REDIS_URL = process.env.EVENTSCOPE_TEST_REDIS ?? "redis://127.0.0.1:6379";

export interface TestCluster {
  config: Config;
  instances: TestApp[];
  close(): Promise<void>;
}

export async function startTestCluster(env: Record<string, string> = {}, count = 2): Promise<TestCluster> {
  const db: TestDatabase = await createTestDatabase("es_cluster");
  const config = testConfig({
    KAFKA_CLIENT_ID: uniqueName("es-cluster"),
    // One deployment per test: its owner lease and lag topic are its own.
    EVENTSCOPE_CLUSTER_NAME: uniqueName("es-cluster"),
    EVENTSCOPE_LOOKBACK: "1m",
    EVENTSCOPE_STORE: db.url,
    EVENTSCOPE_REDIS_URL: TEST_REDIS_URL,
    ...env,
  });
  const instances: TestApp[] = [];
  const close = async () => {
    await Promise.all(instances.map((app) => app.close()));
    await db.drop();
  };
  try {
    for (let i = 0; i < count; i++) instances.push(await startTestApp(config));
  } catch (error) {
    await close();
    throw error;
  }
  return { config, instances, close };
}

/** Partitions of `topic` per member of the collector's group, as Kafka assigned them (empty when none). */
export async function collectorAssignment(clientId: string, topic: string): Promise<number[][]> {
  return withAdmin(async (admin) => {
    const { groups } = await admin.describeGroups([`${clientId}-collector`]);
    return (groups[0]?.members ?? []).map((m) => {
      const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
      return [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b);
    });
  });
}
