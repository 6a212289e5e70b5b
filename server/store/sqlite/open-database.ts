/**
 * Opens the store file for writing, applying the schema. A file SQLite cannot read (damaged by a power
 * loss, or not a database at all) or written with another schema (an earlier Eventscope) is moved aside
 * and a fresh store is started: Kafka still holds the records, and the collector reads them again from
 * now − lookback. The file set aside last is kept for a person to look at; older ones are deleted then.
 */
import { readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import { applySchema, SchemaMismatchError } from "@/server/store/sqlite/schema";

const UNREADABLE = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB"]);

/** What setting a store file aside did: where the file went, and the older set-aside files deleted. */
export interface SetAside {
  movedTo: string;
  deleted: string[];
}

export function openStoreFile(
  path: string,
  cacheBytes: number,
  onSetAside: (setAside: SetAside) => void,
): Database.Database {
  try {
    return opened(path, cacheBytes);
  } catch (error) {
    const why = setAsideReason(error);
    if (why === null) throw error;
    onSetAside(setStoreFileAside(path, why));
    return opened(path, cacheBytes);
  }
}

/**
 * Why a store file that failed to open is set aside (it becomes part of the file's new name), or null when
 * the error is not about the file and must surface.
 */
function setAsideReason(error: unknown): string | null {
  if (error instanceof SchemaMismatchError) return `schema-${error.found}`;
  const code = (error as { code?: string }).code;
  return code !== undefined && UNREADABLE.has(code) ? "unreadable" : null;
}

const COMPANIONS = ["", "-wal", "-shm"];

/**
 * Moves the store file (and its -wal/-shm companions) aside, keeping it, and deletes the files set aside
 * before it: each can be as large as the disk budget, and a folder that kept every one would fill the disk
 * with copies (an upgrade, a damaged file, each switch of KAFKA_BROKERS between two clusters).
 */
export function setStoreFileAside(path: string, why: string): SetAside {
  const deleted = setAsideBefore(path);
  for (const file of deleted) for (const suffix of COMPANIONS) rmSync(`${file}${suffix}`, { force: true });
  const movedTo = `${path}.${why}-${Date.now()}`;
  for (const suffix of COMPANIONS) {
    try {
      renameSync(`${path}${suffix}`, `${movedTo}${suffix}`);
    } catch {
      // The -wal and -shm files may not exist.
    }
  }
  return { movedTo, deleted };
}

/** The store files set aside earlier beside `path`: `<name>.<why>-<ms>`, without their companions. */
function setAsideBefore(path: string): string[] {
  const name = basename(path);
  const folder = dirname(path);
  return readdirSync(folder)
    .filter((f) => f.startsWith(`${name}.`) && /-\d+$/.test(f))
    .map((f) => join(folder, f));
}

function opened(path: string, cacheBytes: number): Database.Database {
  const db = new Database(path);
  try {
    applySchema(db, cacheBytes);
    // A cheap look at the first pages: a damaged header or schema fails here rather than mid-ingest.
    db.prepare("SELECT count(*) FROM meta").get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
