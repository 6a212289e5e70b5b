/**
 * Small strings that repeat on every row (topic, service, event type, trace source) stored once and
 * referenced by id. Both directions are cached in memory: the set of names is small and only grows with
 * the topology, never with traffic. Id 0 means "none". The writer creates names; a reader on another
 * connection reads through to the table for names created after it loaded.
 */
import type Database from "better-sqlite3";

export enum NameKind {
  Topic = 1,
  Service = 2,
  Type = 3,
  Source = 4,
}

/** Distinct names kept per kind at most; beyond it a name is stored as "none" (a producer sending random types must not grow this). */
const MAX_NAMES_PER_KIND = 100_000;

export class NameTable {
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<number, string>();
  private readonly perKind = new Map<NameKind, number>();
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly byName: Database.Statement;

  constructor(db: Database.Database) {
    for (const row of db.prepare("SELECT id, kind, name FROM names").all() as {
      id: number;
      kind: NameKind;
      name: string;
    }[]) {
      this.ids.set(`${row.kind}:${row.name}`, row.id);
      this.names.set(row.id, row.name);
      this.perKind.set(row.kind, (this.perKind.get(row.kind) ?? 0) + 1);
    }
    this.insert = db.prepare("INSERT INTO names (kind, name) VALUES (?, ?)");
    this.byId = db.prepare("SELECT kind, name FROM names WHERE id = ?");
    this.byName = db.prepare("SELECT id FROM names WHERE kind = ? AND name = ?");
  }

  private remember(id: number, kind: NameKind, name: string): void {
    this.ids.set(`${kind}:${name}`, id);
    this.names.set(id, name);
  }

  /** The id of a name, created if new; 0 for null. Call inside the write transaction. */
  idOf(kind: NameKind, name: string | null): number {
    if (name === null) return 0;
    const key = `${kind}:${name}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const count = this.perKind.get(kind) ?? 0;
    if (count >= MAX_NAMES_PER_KIND) return 0;
    const id = Number(this.insert.run(kind, name).lastInsertRowid);
    this.remember(id, kind, name);
    this.perKind.set(kind, count + 1);
    return id;
  }

  /** The id of a known name, or undefined; never writes. */
  find(kind: NameKind, name: string): number | undefined {
    const known = this.ids.get(`${kind}:${name}`);
    if (known !== undefined) return known;
    const row = this.byName.get(kind, name) as { id: number } | undefined;
    if (row) this.remember(row.id, kind, name);
    return row?.id;
  }

  nameOf(id: number): string | null {
    if (id === 0) return null;
    const known = this.names.get(id);
    if (known !== undefined) return known;
    const row = this.byId.get(id) as { kind: NameKind; name: string } | undefined;
    if (!row) return null;
    this.remember(id, row.kind, row.name);
    return row.name;
  }
}
