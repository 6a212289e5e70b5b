/**
 * Opens the store file for writing, applying the schema. A file SQLite cannot read (damaged by a power
 * loss, or not a database at all) or written with another schema (an earlier Eventscope) is moved aside —
 * never deleted — and a fresh store is started: Kafka still holds the records, and the collector reads
 * them again from now − lookback.
 */
import { renameSync } from "node:fs";
import Database from "better-sqlite3";
import { applySchema, SchemaMismatchError } from "@/server/store/sqlite/schema";

const UNREADABLE = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB"]);

export function openStoreFile(
  path: string,
  cacheBytes: number,
  onSetAside: (movedTo: string) => void,
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

/** Moves the store file (and its -wal/-shm companions) aside, keeping it; returns where it went. */
export function setStoreFileAside(path: string, why: string): string {
  const movedTo = `${path}.${why}-${Date.now()}`;
  for (const suffix of ["", "-wal", "-shm"]) {
    try {
      renameSync(`${path}${suffix}`, `${movedTo}${suffix}`);
    } catch {
      // The -wal and -shm files may not exist.
    }
  }
  return movedTo;
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
