/** The embedded store's writer thread: opens the store file, then applies write requests in order. */
import { parentPort, workerData } from "node:worker_threads";
import { openStoreFile } from "@/server/store/sqlite/open-database";
import { SqliteWriter } from "@/server/store/sqlite/sqlite-writer";
import type {
  WorkerWriterOptions,
  WriterRecover,
  WriterNotice,
  WriterReady,
  WriterReply,
  WriterRequest,
} from "@/server/store/sqlite/writer-channel";

const options = workerData as WorkerWriterOptions;
const port = parentPort!;

try {
  const db = openStoreFile(options.path, options.cacheBytes, (setAside) =>
    port.postMessage({ setAside } satisfies WriterNotice),
  );
  const writer = new SqliteWriter(db, options);
  // Several appends may be in flight: after one fails, the later ones are refused until the channel says
  // it has heard of the failure, so a later batch's positions are never stored past a missing one.
  let refusing = false;
  port.on("message", (request: WriterRequest | WriterRecover) => {
    if (request.kind === "recover") {
      refusing = false;
      return;
    }
    let reply: WriterReply;
    if (refusing && request.kind === "append") {
      port.postMessage({ id: request.id, ok: false, error: "an earlier write failed; not applied" });
      return;
    }
    try {
      const result =
        request.kind === "append"
          ? writer.append(request.batch)
          : request.kind === "meta"
            ? writer.setMeta(request.key, request.value)
            : writer.retention(request.now);
      reply = { id: request.id, ok: true, result };
    } catch (error) {
      if (request.kind === "append") refusing = true;
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
