/**
 * The gateway: an HTTP front door (node:http on 127.0.0.1) that turns requests into commands on Kafka,
 * plus the read model behind GET /orders/:id. ce_source "gateway"; its view consumes as group "gateway".
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SERVICES } from "../config";
import { type ServiceDeps, startServiceKit } from "../service-kit";
import { OrderViews } from "./order-view";
import { gatewayRoutes } from "./routes";
import { consumeIntoView } from "./view-consumer";

export interface RunningGateway {
  name: string;
  url: string;
  /** Stops taking requests, waits for those in flight, then stops the view and the producer. */
  stop(): Promise<void>;
}

export async function startGateway(deps: ServiceDeps): Promise<RunningGateway> {
  const { config, control } = deps;
  const kit = await startServiceKit(SERVICES.gateway, deps);
  const views = new OrderViews();
  await consumeIntoView(kit, config, views);

  let url = "";
  const router = gatewayRoutes({
    publisher: kit.publisher,
    topics: config.topics,
    views,
    control,
    baseUrl: () => url,
    viewLookbackMs: config.viewLookbackMs,
  });
  const server = http.createServer((req, res) => {
    void router.handle(req, res, (error) => kit.logger.error({ err: error, url: req.url }, "request failed"));
  });
  server.keepAliveTimeout = 5_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.gatewayPort, config.gatewayHost, () => resolve());
    });
  } catch (error) {
    await kit.stop();
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    throw inUse
      ? new Error(
          `gateway port ${config.gatewayHost}:${config.gatewayPort} is in use; pick another with --gateway-port`,
        )
      : error;
  }
  const { port } = server.address() as AddressInfo;
  url = `http://${config.gatewayHost}:${port}`;

  return {
    name: kit.name,
    url,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests in flight get a moment to finish their send; then their sockets are closed too.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      await kit.stop();
    },
  };
}
