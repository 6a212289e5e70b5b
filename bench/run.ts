/**
 * `npm run bench` — runs every benchmark and writes bench/results/<name>.json. Figures are ratios against a
 * baseline measured in the same run, so they compare across machines. `--quick` uses smaller sizes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startBroker } from "../scripts/kafka/broker";
import { brokerAnswers } from "../scripts/kafka/probe";
import { runIndexBench } from "./index-bench";
import { runIngestBench } from "./ingest-bench";

const quick = process.argv.includes("--quick");
const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
mkdirSync(resultsDir, { recursive: true });

function save(name: string, result: Record<string, unknown>): void {
  const file = path.join(resultsDir, `${name}.json`);
  const meta = { measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, quick };
  writeFileSync(file, JSON.stringify({ ...meta, ...result }, null, 2) + "\n");
  console.log(`${name}: ${JSON.stringify(result)}\n  → ${path.relative(process.cwd(), file)}`);
}

save("index", runIndexBench(quick ? 100_000 : 1_000_000));

const broker = (process.env.KAFKA_BROKERS ?? "127.0.0.1:9092").split(",")[0] ?? "127.0.0.1:9092";
if (!(await brokerAnswers(broker)) && !process.env.KAFKA_BROKERS) await startBroker();
save("ingest", await runIngestBench(quick ? 20_000 : 100_000));
process.exit(0);
