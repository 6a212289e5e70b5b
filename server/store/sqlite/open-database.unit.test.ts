import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStoreFile } from "@/server/store/sqlite/open-database";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("openStoreFile", () => {
  it("moves a file that is not a readable database aside and starts a fresh store", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "es-open-"));
    dirs.push(dir);
    const file = path.join(dir, "events.db");
    writeFileSync(file, "this is not a SQLite database, but a damaged file".repeat(100));
    const setAside: string[] = [];
    const db = openStoreFile(file, 1 << 20, (movedTo) => setAside.push(movedTo));
    expect(db.prepare("SELECT count(*) AS n FROM events").get()).toEqual({ n: 0 });
    db.close();
    expect(setAside).toHaveLength(1);
    expect(existsSync(setAside[0]!)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes(".unreadable-"))).toHaveLength(1);
  });
});
