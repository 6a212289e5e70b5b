/**
 * How the store reaches its writer: on the main thread (the in-memory store: one connection, so the
 * writer must share it) or on a worker thread (the embedded store), where inserts, compression and
 * retention run beside the event loop instead of on it. Requests are answered in order.
 */
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import type { SetAside } from "@/server/store/sqlite/open-database";
import {
  SqliteWriter,
  type WireBatch,
  type WriteResult,
  type WriterOptions,
} from "@/server/store/sqlite/sqlite-writer";

export interface WriterChannel {
  append(batch: WireBatch): Promise<WriteResult>;
  setMeta(key: string, value: string): Promise<WriteResult>;
  retention(now: number): Promise<WriteResult>;
  close(): Promise<void>;
}

export function inlineWriter(db: Database.Database, options: WriterOptions): WriterChannel {
  const writer = new SqliteWriter(db, options);
  return {
    append: async (batch) => writer.append(batch),
    setMeta: async (key, value) => writer.setMeta(key, value),
    retention: async (now) => writer.retention(now),
    close: async () => undefined,
  };
}

export interface WorkerWriterOptions extends WriterOptions {
  path: string;
  cacheBytes: number;
}

export interface WorkerWriterHooks {
  /** The store file could not be read and was moved aside; a fresh store was started. */
  onSetAside?: (setAside: SetAside) => void;
}

type WriterMessage =
  | { kind: "append"; batch: WireBatch }
  | { kind: "retention"; now: number }
  | { kind: "meta"; key: string; value: string };
export type WriterRequest = WriterMessage & { id: number };
/** Sent before the next append once the channel has seen an append fail: the writer applies appends again. */
export type WriterRecover = { kind: "recover" };
export type WriterReply =
  { id: number; ok: true; result: WriteResult } | { id: number; ok: false; error: string };
/** The worker's first message: schema applied, ready for requests. */
export type WriterReady = { ready: true } | { ready: false; error: string };
/** Sent before `ready` when an unreadable store file was moved aside. */
export type WriterNotice = { setAside: SetAside };

/**
 * The worker file sits beside this one. Run from TypeScript sources (tsx, vitest), the worker registers
 * tsx itself before importing it: on Node 20, loader hooks passed to a worker with `--import` do not apply
 * to its entry module.
 */
function startWorker(options: WorkerWriterOptions): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./write-worker.js", import.meta.url), { workerData: options });
  const entry = JSON.stringify(new URL("./write-worker.ts", import.meta.url).href);
  const source = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); })`;
  return new Worker(source, { eval: true, workerData: options });
}

/** Starts the writer thread; resolves once it has opened the store (so readers find the schema in place). */
export async function workerWriter(
  options: WorkerWriterOptions,
  hooks: WorkerWriterHooks = {},
): Promise<WriterChannel> {
  const worker = startWorker(options);
  const pending = new Map<number, { resolve: (r: WriteResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: WriterReady | WriterNotice) => {
      if ("setAside" in message) return hooks.onSetAside?.(message.setAside);
      worker.off("message", onMessage);
      if (message.ready) resolve();
      else reject(new Error(message.error));
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
  });
  let appendFailed = false;
  const appendIds = new Set<number>();
  worker.on("message", (reply: WriterReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!reply.ok && appendIds.has(reply.id)) appendFailed = true;
    appendIds.delete(reply.id);
    if (reply.ok) waiting?.resolve(reply.result);
    else waiting?.reject(new Error(reply.error));
  });
  const fail = (error: Error) => {
    failure = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the store's writer thread exited (code ${code})`)));

  const request = (message: WriterMessage, transfer: ArrayBuffer[] = []) =>
    new Promise<WriteResult>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      if (message.kind === "append") {
        if (appendFailed) worker.postMessage({ kind: "recover" } satisfies WriterRecover);
        appendFailed = false;
        appendIds.add(id);
      }
      worker.postMessage({ ...message, id }, transfer);
    });

  return {
    append(batch) {
      const { buffer, byteOffset, byteLength } = batch.payloads;
      // Hand the payload buffer over instead of copying it, when it is a buffer of its own.
      const own = byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer;
      return request({ kind: "append", batch }, own ? [buffer] : []);
    },
    retention: (now) => request({ kind: "retention", now }),
    setMeta: (key, value) => request({ kind: "meta", key, value }),
    async close() {
      await worker.terminate();
    },
  };
}
