/**
 * Opens the store the configuration asks for: SQLite on disk under the data folder (default), in memory,
 * or the PostgreSQL database several instances share.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { StoreConfig } from "@/server/config";
import type { Logger } from "@/server/logger";
import { lockDataDir } from "@/server/store/data-dir-lock";
import type { EventStore } from "@/server/store/event-store";
import { PostgresEventStore } from "@/server/store/postgres/postgres-event-store";
import { setStoreFileAside } from "@/server/store/sqlite/open-database";
import { SqliteEventStore } from "@/server/store/sqlite/sqlite-event-store";

/**
 * Opens the store for `clusterId` (when known): a store filled from another cluster — the broker's data was
 * deleted, or KAFKA_BROKERS now points elsewhere — holds positions that mean nothing there, so it is set
 * aside and a fresh one started.
 */
export async function openEventStoreFor(
  config: StoreConfig,
  clusterId: string | null,
  log?: Logger,
): Promise<EventStore> {
  let store = await openEventStore(config, log);
  const stored = store.clusterId();
  if (clusterId !== null && stored !== null && stored !== clusterId && config.backend === "postgres") {
    // Shared with other instances: emptying it here would empty it under them. A person decides.
    await store.close();
    throw new Error(
      `the PostgreSQL store holds events of Kafka cluster ${stored}, but KAFKA_BROKERS is cluster ${clusterId}: ` +
        "point EVENTSCOPE_STORE at another database, or drop its eventscope_* tables",
    );
  }
  if (clusterId !== null && stored !== null && stored !== clusterId && config.backend === "embedded") {
    await store.close();
    const setAside = setStoreFileAside(path.join(config.dataDir, "events.db"), `cluster-${stored}`);
    log?.warn(
      { ...setAside, was: stored, now: clusterId },
      "the event store was filled from another Kafka cluster; started a fresh one",
    );
    store = await openEventStore(config, log);
  }
  if (clusterId !== null && store.clusterId() !== clusterId) await store.setClusterId(clusterId);
  return store;
}

export async function openEventStore(config: StoreConfig, log?: Logger): Promise<EventStore> {
  if (config.backend === "memory") return SqliteEventStore.open({ ...config, path: ":memory:" });
  if (config.backend === "postgres" && config.url !== null)
    return PostgresEventStore.open({ ...config, url: config.url, log });
  mkdirSync(config.dataDir, { recursive: true });
  const lock = lockDataDir(config.dataDir);
  try {
    return await SqliteEventStore.open({
      ...config,
      path: path.join(config.dataDir, "events.db"),
      onSetAside: (setAside) =>
        log?.warn(
          setAside,
          "the event store file could not be read or was written by another version; set it aside and started a fresh store",
        ),
      onClose: () => lock.release(),
    });
  } catch (error) {
    lock.release();
    throw error;
  }
}
