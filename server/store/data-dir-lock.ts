/**
 * One Eventscope process per store folder: two writers on one SQLite file would fail each other's writes
 * ("database is locked") and interleave two clusters' positions. The lock is a file holding the owner's
 * pid; a lock left by a process that is gone is taken over.
 */
import { openSync, readFileSync, rmSync, writeFileSync, closeSync } from "node:fs";
import path from "node:path";

export interface DataDirLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dir: string): DataDirLock {
  const file = path.join(dir, "LOCK");
  try {
    closeSync(openSync(file, "wx"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner))
      throw new Error(
        `another Eventscope (pid ${owner}) uses the event store in ${dir}; give each instance its own EVENTSCOPE_DATA_DIR`,
      );
  }
  writeFileSync(file, String(process.pid));
  return { release: () => rmSync(file, { force: true }) };
}
