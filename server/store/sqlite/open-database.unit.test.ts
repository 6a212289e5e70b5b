import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { openStoreFile, type SetAside } from "@/server/store/sqlite/open-database";
import { SCHEMA_VERSION } from "@/server/store/sqlite/schema";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("openStoreFile", () => {
  it("moves a file that is not a readable database aside and starts a fresh store", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "es-open-"));
    dirs.push(dir);
    const file = path.join(dir, "events.db");
    writeFileSync(file, "this is not a SQLite database, but a damaged file".repeat(100));
    const setAside: string[] = [];
    const db = openStoreFile(file, 1 << 20, ({ movedTo }) => setAside.push(movedTo));
    expect(db.prepare("SELECT count(*) AS n FROM events").get()).toEqual({ n: 0 });
    db.close();
    expect(setAside).toHaveLength(1);
    expect(existsSync(setAside[0]!)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes(".unreadable-"))).toHaveLength(1);
  });

  it("moves a store written with another schema aside, unchanged, and starts a fresh store", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "es-open-"));
    dirs.push(dir);
    const file = path.join(dir, "events.db");
    // An earlier version's store: its own events table, without the index segments of this one.
    const old = new Database(file);
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('schema', '1');
      CREATE TABLE events (seq INTEGER PRIMARY KEY, trace_h INTEGER);
      INSERT INTO events (trace_h) VALUES (42);`);
    old.close();
    const setAside: string[] = [];
    const db = openStoreFile(file, 1 << 20, ({ movedTo }) => setAside.push(movedTo));
    expect(db.prepare("SELECT count(*) AS n FROM events").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get()).toBe(
      String(SCHEMA_VERSION),
    );
    db.close();
    expect(setAside).toEqual([expect.stringContaining(".schema-1-")]);
    const kept = new Database(setAside[0]!, { readonly: true });
    expect(kept.prepare("SELECT trace_h FROM events").pluck().all()).toEqual([42]);
    kept.close();
  });

  it("moves aside tables that carry no schema version (a first start that stopped half-way)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "es-open-"));
    dirs.push(dir);
    const file = path.join(dir, "events.db");
    const old = new Database(file);
    old.exec(
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE events (seq INTEGER PRIMARY KEY);",
    );
    old.close();
    const setAside: string[] = [];
    const db = openStoreFile(file, 1 << 20, ({ movedTo }) => setAside.push(movedTo));
    expect(db.prepare("SELECT count(*) AS n FROM events WHERE sg >= 0").get()).toEqual({ n: 0 });
    db.close();
    expect(setAside).toEqual([expect.stringContaining(".schema-unknown-")]);
  });

  it("keeps only the file set aside last: an older one is deleted, with its companions, and reported", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "es-open-"));
    dirs.push(dir);
    const file = path.join(dir, "events.db");
    const reports: SetAside[] = [];
    writeFileSync(file, "damaged".repeat(1_000));
    openStoreFile(file, 1 << 20, (s) => reports.push(s)).close();
    const first = reports[0]!.movedTo;
    writeFileSync(`${first}-wal`, "its write-ahead log");
    // Another set-aside later (a second damaged file): the first copy goes, the second is kept. Names carry
    // the millisecond of the move, so the second is made in another one.
    await new Promise((resolve) => setTimeout(resolve, 5));
    rmSync(file);
    writeFileSync(file, "damaged again".repeat(1_000));
    const db = openStoreFile(file, 1 << 20, (s) => reports.push(s));
    db.close();
    expect(reports).toHaveLength(2);
    expect(reports[0]!.deleted).toEqual([]);
    expect(reports[1]!.deleted).toEqual([first]);
    expect(existsSync(first)).toBe(false);
    expect(existsSync(`${first}-wal`)).toBe(false);
    expect(existsSync(reports[1]!.movedTo)).toBe(true);
    expect(readdirSync(dir).filter((f) => f !== "events.db" && !f.startsWith("events.db-"))).toEqual([
      path.basename(reports[1]!.movedTo),
    ]);
  });
});
