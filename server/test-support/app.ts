/** Builds the dashboard backend without the Next UI on a random port, as main.ts wires it. */
import type { AddressInfo } from "node:net";
import type { Config } from "@/server/config";
import { createHttpApp, listen } from "@/server/http/app";
import { registerHealthRoutes } from "@/server/http/health-routes";
import { type BrokerMonitor, startBrokerMonitor } from "@/server/kafka/broker-monitor";
import { createLiveServer } from "@/server/live/socket-server";
import { testLogger } from "@/server/test-support/silent-logger";

export interface TestApp {
  url: string;
  brokerMonitor: BrokerMonitor;
  close(): Promise<void>;
}

export async function startTestApp(config: Config): Promise<TestApp> {
  const logger = testLogger();
  const brokerMonitor = startBrokerMonitor(config, logger);
  const { server, router } = createHttpApp(logger, null);
  registerHealthRoutes(router, { brokerMonitor, version: "test", startedAt: Date.now() });
  const io = createLiveServer(server, { brokerMonitor, logger });
  await listen(server, 0, "127.0.0.1");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    brokerMonitor,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await brokerMonitor.stop();
    },
  };
}
