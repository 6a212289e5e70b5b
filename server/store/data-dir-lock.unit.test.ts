import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir } from "@/server/store/data-dir-lock";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "es-lock-"));
  dirs.push(dir);
  return dir;
};

describe("lockDataDir", () => {
  it("refuses a folder another live process holds, naming it", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "LOCK"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(`another Eventscope (pid ${process.ppid})`);
  });

  it("takes over a lock whose owner is gone, and gives it back on release", () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]).stdout.toString();
    writeFileSync(path.join(dir, "LOCK"), gone);
    const lock = lockDataDir(dir);
    lock.release();
    expect(() => lockDataDir(dir).release()).not.toThrow();
  });
});
