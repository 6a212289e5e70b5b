/** Builds the dashboard backend without the Next UI on a random port, wired exactly as main.ts wires it. */
import type { AddressInfo } from "node:net";
import type { Config } from "@/server/config";
import { ALL_FEATURES, composeServer, type FeatureSet, type Services } from "@/server/compose";
import type { ServerContext } from "@/server/feature";
import { createHttpApp, listen } from "@/server/http/app";
import { createHttpSecurity } from "@/server/http/http-security";
import { type BrokerMonitor, startBrokerMonitor } from "@/server/kafka/broker-monitor";
import { createLiveServer } from "@/server/live/socket-server";
import type { Logger } from "@/server/logger";
import { testLogger } from "@/server/test-support/silent-logger";

export interface TestApp {
  url: string;
  brokerMonitor: BrokerMonitor;
  context: ServerContext;
  services: Services;
  close(): Promise<void>;
}

/** `logger`: a test that checks what the server logs passes its own. */
export async function startTestApp(
  config: Config,
  features: FeatureSet = ALL_FEATURES,
  logger: Logger = testLogger(),
): Promise<TestApp> {
  const brokerMonitor = startBrokerMonitor(config, logger);
  const security = createHttpSecurity(config, { dev: false });
  const { server, router } = createHttpApp(logger, null, security);
  const io = createLiveServer(server, { brokerMonitor, logger, security });
  const context: ServerContext = {
    config,
    logger,
    router,
    io,
    brokerMonitor,
    version: "test",
    startedAt: Date.now(),
  };
  const running = await composeServer(context, features).catch(async (error: unknown) => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await brokerMonitor.stop();
    throw error;
  });
  await listen(server, 0, "127.0.0.1");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    brokerMonitor,
    context,
    services: running.services,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await running.stop();
      await brokerMonitor.stop();
    },
  };
}
