/**
 * What the record decoders need from a schema registry: a schema already fetched and compiled, looked up
 * by id without waiting. Fetching is the server's job (it fills the cache before it decodes), so decoding
 * stays a pure, synchronous step.
 */
import type { PayloadSchema } from "@/lib/model/event";

export interface CompiledSchema extends PayloadSchema {
  /** The body after the 5-byte header, decoded into plain values; throws on bytes the schema cannot read. */
  decode(body: Uint8Array): unknown;
}

/** Why a schema is not there, in words a person reading "not decoded: …" understands. */
export interface SchemaFailure {
  failure: string;
}

export interface SchemaLookup {
  /** undefined: never asked for (the caller did not prepare it first). */
  lookup(id: number): CompiledSchema | SchemaFailure | undefined;
  /**
   * Fetches the schemas of these keys/values that are not known yet; null when there is nothing to wait
   * for. "ingest" waits only for schemas never tried (a registry that is down must not stall reading
   * Kafka again and again); "read" also waits for a retry of one that failed a while ago.
   */
  prepare(values: readonly (Uint8Array | null)[], mode: "ingest" | "read"): Promise<void> | null;
}
