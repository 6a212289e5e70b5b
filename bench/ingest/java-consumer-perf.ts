/**
 * Reference (b): Kafka's own Java consumer perf tool on the same topic — the ceiling a consumer reaches on
 * this machine. Its fetch rate (fetch.nMsg.sec) excludes the JVM start and the group join, as our
 * first-record-to-last timing does for the Node consumers.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { jarsDir } from "../../scripts/kafka/paths";

export async function javaConsumerRate(brokers: string[], topic: string, count: number): Promise<number> {
  const args = [
    "-Xmx512m",
    "-cp",
    `${jarsDir}/*`,
    "org.apache.kafka.tools.ConsumerPerformance",
    "--bootstrap-server",
    brokers.join(","),
    "--topic",
    topic,
    "--messages",
    String(count),
    "--group",
    `bench-java-${randomUUID().slice(0, 8)}`,
    "--timeout",
    "30000",
  ];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn("java", args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`ConsumerPerformance exited ${code}: ${stderr.slice(-400)}`)),
    );
  });
  return parseFetchRate(out);
}

/** Finds fetch.nMsg.sec in the tool's CSV-like output (a header line, then one line of values). */
function parseFetchRate(output: string): number {
  const lines = output.split("\n").map((l) => l.trim());
  const headerAt = lines.findIndex((l) => l.startsWith("start.time"));
  const header = lines[headerAt]?.split(",").map((h) => h.trim()) ?? [];
  const values = lines[headerAt + 1]?.split(",").map((v) => v.trim()) ?? [];
  const column = header.indexOf("fetch.nMsg.sec");
  const rate = Number(values[column]);
  if (column < 0 || !Number.isFinite(rate) || rate <= 0)
    throw new Error(`could not read fetch.nMsg.sec from ConsumerPerformance output:\n${output.slice(-400)}`);
  return rate;
}
