/**
 * (c): the Eventscope pipeline as the server assembles it, reading the same topic: collector → store and
 * the flows feature, whose flow-latency service pairs every stored batch on the store's feed as in
 * production (the default), so the figure includes latency aggregation.
 */
import { collectorFeature } from "@/server/collector/collector-feature";
import { flowsFeature } from "@/server/flows/flows-feature";
import { startPipeline } from "../support/pipeline";
import { sleep } from "../support/stats";

export interface CollectorRun {
  perSec: number;
  /** CPU time of the whole process (every thread: the store writer's too) per record read. */
  cpuUsPerRecord: number;
}

/** Starts the pipeline, times first record read → `count` read (collector.status().eventsRead), stops it. */
export async function collectorRate(brokers: string[], count: number): Promise<CollectorRun> {
  // The default memory budget and disk budget, as a user runs it: the disk budget holds every record.
  const { collector, close } = await startPipeline(
    brokers,
    {},
    { collector: collectorFeature, flows: flowsFeature },
  );
  try {
    let first = 0;
    let cpu = process.cpuUsage();
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const read = collector.status().eventsRead;
      if (read > 0 && first === 0) {
        first = performance.now();
        cpu = process.cpuUsage();
      }
      if (read >= count) {
        const used = process.cpuUsage(cpu);
        return {
          perSec: count / ((performance.now() - first) / 1000),
          cpuUsPerRecord: (used.user + used.system) / read,
        };
      }
      if (Date.now() > deadline) throw new Error(`collector read only ${read} of ${count} in 30 min`);
      await sleep(first === 0 ? 2 : 10);
    }
  } finally {
    await close();
  }
}
