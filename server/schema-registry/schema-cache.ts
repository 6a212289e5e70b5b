/**
 * Compiled schemas by id, bounded by bytes, fetched at most once at a time per id. A failed fetch is
 * remembered for a few seconds so a registry that is down answers "not decoded: …" at once instead of
 * making every record wait for a timeout; it is tried again after that.
 */
import type { CompiledSchema, SchemaFailure, SchemaLookup } from "@/lib/schema-registry/schema-lookup";
import { readWireFrame } from "@/lib/schema-registry/wire-format";
import type { Logger } from "@/server/logger";
import { compileSchema } from "@/server/schema-registry/compile-schema";
import type { RegistryClient } from "@/server/schema-registry/registry-client";

const RETRY_FAILED_AFTER_MS = 5_000;
/** A compiled schema holds its parsed form too: count each byte of schema text this many times. */
const BYTES_PER_SCHEMA_CHAR = 8;
const ENTRY_OVERHEAD_BYTES = 512;

type Entry =
  { schema: CompiledSchema; bytes: number } | { failure: SchemaFailure; bytes: number; failedAt: number };

export class SchemaCache implements SchemaLookup {
  private readonly entries = new Map<number, Entry>();
  private readonly inFlight = new Map<number, Promise<void>>();
  private bytes = 0;

  constructor(
    private readonly client: RegistryClient,
    private readonly budgetBytes: number,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  lookup(id: number): CompiledSchema | SchemaFailure | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    // Least recently used goes first: Map keeps insertion order, so a hit moves to the end.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return "schema" in entry ? entry.schema : entry.failure;
  }

  prepare(values: readonly (Uint8Array | null)[], mode: "ingest" | "read"): Promise<void> | null {
    let waits: Promise<void>[] | null = null;
    for (const value of values) {
      const frame = readWireFrame(value);
      if (frame === null) continue;
      const wait = this.fetchIfNeeded(frame.schemaId, mode);
      if (wait) (waits ??= []).push(wait);
    }
    return waits && Promise.all(waits).then(() => undefined);
  }

  /** Cached bytes (an estimate from the schemas' sizes), for tests and metrics. */
  get sizeBytes(): number {
    return this.bytes;
  }

  private fetchIfNeeded(id: number, mode: "ingest" | "read"): Promise<void> | null {
    const running = this.inFlight.get(id);
    if (running) return running;
    const entry = this.entries.get(id);
    if (entry && "schema" in entry) return null;
    if (entry && this.now() - entry.failedAt < RETRY_FAILED_AFTER_MS) return null;
    const fetching = this.fetch(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, fetching);
    // A retry after a failure runs in the background for the collector: the record is stored either way.
    return entry && mode === "ingest" ? null : fetching;
  }

  private async fetch(id: number): Promise<void> {
    try {
      const fetched = await this.client.fetchSchema(id);
      const schema = compileSchema(id, fetched);
      this.put(id, { schema, bytes: ENTRY_OVERHEAD_BYTES + fetched.schema.length * BYTES_PER_SCHEMA_CHAR });
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      this.log.warn({ schemaId: id, reason: failure }, "schema not fetched; its records show as bytes");
      this.put(id, {
        failure: { failure },
        bytes: ENTRY_OVERHEAD_BYTES + failure.length,
        failedAt: this.now(),
      });
    }
  }

  private put(id: number, entry: Entry): void {
    const old = this.entries.get(id);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(id);
    }
    this.entries.set(id, entry);
    this.bytes += entry.bytes;
    for (const [oldest, evicted] of this.entries) {
      if (this.bytes <= this.budgetBytes || oldest === id) break;
      this.entries.delete(oldest);
      this.bytes -= evicted.bytes;
    }
  }
}
