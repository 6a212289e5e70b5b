/** (c): the Eventscope pipeline (collector → store) as the server assembles it, reading the same topic. */
import { collectorFeature } from "@/server/collector/collector-feature";
import { startPipeline } from "../support/pipeline";
import { sleep } from "../support/stats";

/** Starts the pipeline, times first record read → `count` read (collector.status().eventsRead), stops it. */
export async function collectorRate(brokers: string[], count: number): Promise<number> {
  // Room for every record, so the figure includes storing all of them, not evicting most.
  const { collector, close } = await startPipeline(
    brokers,
    { EVENTSCOPE_INDEX_MEMORY_MB: "6144" },
    { collector: collectorFeature },
  );
  try {
    let first = 0;
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const read = collector.status().eventsRead;
      if (read > 0 && first === 0) first = performance.now();
      if (read >= count) return count / ((performance.now() - first) / 1000);
      if (Date.now() > deadline) throw new Error(`collector read only ${read} of ${count} in 30 min`);
      await sleep(first === 0 ? 2 : 10);
    }
  } finally {
    await close();
  }
}
