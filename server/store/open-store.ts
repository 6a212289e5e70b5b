/** Opens the store the configuration asks for: SQLite on disk under the data folder (default), or in memory. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { StoreConfig } from "@/server/config";
import type { EventStore } from "@/server/store/event-store";
import { SqliteEventStore } from "@/server/store/sqlite/sqlite-event-store";

export function openEventStore(config: StoreConfig): Promise<EventStore> {
  if (config.backend === "memory") return SqliteEventStore.open({ ...config, path: ":memory:" });
  mkdirSync(config.dataDir, { recursive: true });
  return SqliteEventStore.open({ ...config, path: path.join(config.dataDir, "events.db") });
}
