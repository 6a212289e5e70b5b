/** Opens the store the configuration asks for: SQLite on disk under the data folder (default), or in memory. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { StoreConfig } from "@/server/config";
import type { Logger } from "@/server/logger";
import type { EventStore } from "@/server/store/event-store";
import { SqliteEventStore } from "@/server/store/sqlite/sqlite-event-store";

export function openEventStore(config: StoreConfig, log?: Logger): Promise<EventStore> {
  if (config.backend === "memory") return SqliteEventStore.open({ ...config, path: ":memory:" });
  mkdirSync(config.dataDir, { recursive: true });
  return SqliteEventStore.open({
    ...config,
    path: path.join(config.dataDir, "events.db"),
    onSetAside: (movedTo) =>
      log?.warn(
        { movedTo },
        "the event store file could not be read; set it aside and started a fresh store",
      ),
  });
}
