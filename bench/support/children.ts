/** Server processes a benchmark started: whatever way the runner exits, none is left behind. */
import type { ChildProcess } from "node:child_process";

const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGTERM");
});

export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}
