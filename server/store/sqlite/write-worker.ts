/** The embedded store's writer thread: opens the store file, then applies write requests in order. */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { applySchema } from "@/server/store/sqlite/schema";
import { SqliteWriter } from "@/server/store/sqlite/sqlite-writer";
import type {
  WorkerWriterOptions,
  WriterReady,
  WriterReply,
  WriterRequest,
} from "@/server/store/sqlite/writer-channel";

const options = workerData as WorkerWriterOptions;
const port = parentPort!;

try {
  const db = new Database(options.path);
  applySchema(db, options.cacheBytes);
  const writer = new SqliteWriter(db, options);
  port.on("message", (request: WriterRequest) => {
    let reply: WriterReply;
    try {
      const result = request.kind === "append" ? writer.append(request.batch) : writer.retention(request.now);
      reply = { id: request.id, ok: true, result };
    } catch (error) {
      reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WriterReady);
} catch (error) {
  port.postMessage({
    ready: false,
    error: error instanceof Error ? error.message : String(error),
  } satisfies WriterReady);
}
