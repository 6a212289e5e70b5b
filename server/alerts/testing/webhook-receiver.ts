/**
 * A real HTTP webhook receiver for alert tests (node:http on a free port). `behaviour` decides how each
 * request is answered: "ok" (204), "fail-first-N" (503 for the first N requests, then 204), or "hang"
 * (never answers, as a receiver stuck behind a dead proxy does).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour = { kind: "ok" } | { kind: "fail-first"; failures: number } | { kind: "hang" };

export interface WebhookReceiver {
  url: string;
  /** Bodies of the requests answered with 2xx, in arrival order. */
  delivered: unknown[];
  /** Every request that arrived, answered or not. */
  attempts(): number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(behaviour: Behaviour): Promise<WebhookReceiver> {
  const delivered: unknown[] = [];
  const hanging: ServerResponse[] = [];
  let attempts = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      attempts += 1;
      if (behaviour.kind === "hang") {
        hanging.push(res);
        return;
      }
      if (behaviour.kind === "fail-first" && attempts <= behaviour.failures) {
        res.writeHead(503).end();
        return;
      }
      delivered.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/alerts`,
    delivered,
    attempts: () => attempts,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
