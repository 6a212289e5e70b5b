/**
 * Flow latency survives a restart: the aggregator's windows (sketches and slowest samples, not the
 * events) are saved beside the embedded store every SAVE_EVERY_MS and on a clean stop, and merged back in
 * at start. The store continues at its stored positions after a restart, so without this the windows
 * would stay empty until an hour of new traffic had passed. A crash loses at most SAVE_EVERY_MS of
 * samples. The file is bounded by the aggregator's own caps (keys, slots, bins) and read through a
 * schema: a cut or foreign file is logged and ignored, never half-applied.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { type FlowLatencyAggregator } from "@/lib/flows/latency/flow-latency";
import { latencySnapshot, readLatencySnapshot } from "@/lib/flows/latency/snapshot";
import type { Logger } from "@/server/logger";

export const SAVE_EVERY_MS = 30_000;
/** A file older than the longest window holds nothing a window still shows. */
const USEFUL_FOR_MS = 3_600_000;

export interface LatencyPersistence {
  /** Resolves once the saved windows (if any) are merged in. */
  loaded: Promise<void>;
  /** Saves one last time. */
  stop(): Promise<void>;
}

export function persistLatency(
  aggregator: FlowLatencyAggregator,
  file: string,
  logger: Logger,
): LatencyPersistence {
  const loaded = load(aggregator, file, logger);
  let saving: Promise<void> = loaded;
  const save = () => {
    saving = saving.then(async () => {
      try {
        // The snapshot is taken now, in one synchronous step; only the write waits for the disk.
        const text = JSON.stringify(latencySnapshot(aggregator.state(), Date.now()));
        await writeFile(`${file}.tmp`, text);
        await rename(`${file}.tmp`, file);
      } catch (error) {
        logger.warn({ err: error, file }, "could not save the flow latency windows");
      }
    });
    return saving;
  };
  const timer = setInterval(() => void save(), SAVE_EVERY_MS);
  timer.unref();
  return {
    loaded,
    async stop() {
      clearInterval(timer);
      await save();
    },
  };
}

async function load(aggregator: FlowLatencyAggregator, file: string, logger: Logger): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return; // First start, or saved nothing yet.
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    logger.warn({ file }, "flow latency windows not restored: the saved file is not JSON");
    return;
  }
  const read = readLatencySnapshot(json);
  if (!read.ok) {
    logger.warn({ file, reason: read.reason }, "flow latency windows not restored");
    return;
  }
  if (Date.now() - read.snapshot.savedAt > USEFUL_FOR_MS) return;
  aggregator.restore(read.snapshot.windows);
  logger.info(
    { file, savedAt: new Date(read.snapshot.savedAt).toISOString() },
    "flow latency windows restored",
  );
}
