/**
 * The JVMs the project starts itself (the Kafka broker, the schema registry) are tracked by a pid file. A
 * pid counts as ours only while it is alive *and* its command line carries the markers the start gave it,
 * so a recycled pid that now belongs to another program is never waited for or killed.
 */
import { existsSync, readFileSync } from "node:fs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function readPidFile(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function isOwnProcess(pid: number, markers: readonly string[]): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync("/proc/self/cmdline")) return true; // no procfs: trust the live pid
  let args: string;
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return false; // it exited after the signal check (a JVM stopping as it is asked about)
  }
  return markers.every((marker) => args.includes(marker));
}

/** Polls `answers` until it says yes; gives up early when the process exits. */
export async function waitUntilAnswering(
  answers: () => Promise<boolean>,
  pid: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers()) return true;
    try {
      process.kill(pid, 0);
    } catch {
      return false; // the JVM exited: no point in waiting any longer
    }
    await sleep(300);
  }
  return false;
}

/** SIGTERM, then SIGKILL if it is still ours after `graceMs`. */
export async function stopOwnProcess(
  pid: number,
  markers: readonly string[],
  graceMs: number,
): Promise<void> {
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && isOwnProcess(pid, markers)) await sleep(200);
  if (!isOwnProcess(pid, markers)) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // It exited between the check and the kill.
  }
}

export function lastLines(file: string, lines = 5): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
}
