/**
 * Runs Kafka's own `kafka-consumer-groups --describe` (from the kafka-tools jar the embedded broker ships)
 * and parses its table, so tests can compare our figures with the tool users trust.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { jarsDir } from "@/scripts/kafka/paths";

const run = promisify(execFile);
const MAIN_CLASS = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";

export interface DescribeRow {
  topic: string;
  partition: number;
  /** null where the tool prints "-" (no committed offset / unknown). */
  currentOffset: string | null;
  logEndOffset: string | null;
  lag: string | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
}

export interface DescribeResult {
  rows: DescribeRow[];
  /** When the run that produced `rows` started and ended (a retried run counts from its own start). */
  startedAt: number;
  finishedAt: number;
  /** The tool's stdout, for failure messages. */
  output: string;
}

const dash = (value: string | undefined): string | null =>
  value === undefined || value === "-" ? null : value;

/** Parses the GROUP TOPIC PARTITION … CLIENT-ID table (whitespace-separated; "-" for unknown). */
export function parseDescribe(output: string): DescribeRow[] {
  const lines = output.split("\n").map((l) => l.trim());
  const header = lines.findIndex((l) => /^GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET/.test(l));
  if (header < 0) return [];
  return lines
    .slice(header + 1)
    .filter((l) => l.length > 0)
    .map((line) => {
      const [, topic, partition, current, end, lag, consumerId, host, clientId] = line.split(/\s+/);
      return {
        topic: topic ?? "",
        partition: Number(partition),
        currentOffset: dash(current),
        logEndOffset: dash(end),
        lag: dash(lag),
        consumerId: dash(consumerId),
        host: dash(host),
        clientId: dash(clientId),
      };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/**
 * Runs the tool; while the group is rebalancing the tool prints a warning instead of the table, so it is
 * run again (up to `attempts` times, a second apart) until a table comes back.
 */
export async function describeGroup(bootstrap: string, group: string, attempts = 5): Promise<DescribeResult> {
  let result: DescribeResult | null = null;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    result = await describeOnce(bootstrap, group);
    if (result.rows.length > 0 && !/is rebalancing/.test(result.output)) return result;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return result as DescribeResult;
}

async function describeOnce(bootstrap: string, group: string): Promise<DescribeResult> {
  const startedAt = Date.now();
  const { stdout } = await run(
    "java",
    [
      "-cp",
      path.join(jarsDir, "*"),
      MAIN_CLASS,
      "--bootstrap-server",
      bootstrap,
      "--describe",
      "--group",
      group,
    ],
    { timeout: 60_000 },
  );
  return { rows: parseDescribe(stdout), startedAt, finishedAt: Date.now(), output: stdout };
}
