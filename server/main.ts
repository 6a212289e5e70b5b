/**
 * Composition root: reads config, wires the parts together, serves one port, shuts down cleanly.
 * `tsx server/main.ts` runs the production build; `--dev` runs Next in development mode.
 */
import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "@/server/config";
import { startFeatures } from "@/server/feature";
import { features } from "@/server/features";
import { createHttpApp, listen } from "@/server/http/app";
import { createHttpSecurity } from "@/server/http/http-security";
import { createNextHandler } from "@/server/http/next-handler";
import { startBrokerMonitor } from "@/server/kafka/broker-monitor";
import { createLiveServer } from "@/server/live/socket-server";
import { createLogger } from "@/server/logger";

const version = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`eventscope: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const dev = process.argv.includes("--dev");
  const logger = createLogger(config.logLevel);
  const startedAt = Date.now();

  const brokerMonitor = startBrokerMonitor(config, logger);
  const ui = await createNextHandler({ dev, host: config.http.host, port: config.http.port });
  const security = createHttpSecurity(config, { dev });
  const { server, router } = createHttpApp(logger, ui, security);
  const io = createLiveServer(server, { brokerMonitor, logger, security });
  const running = await startFeatures(features, {
    config,
    logger,
    router,
    io,
    brokerMonitor,
    version,
    startedAt,
    registry: new Map(),
  });

  const port = await listen(server, config.http.port, config.http.host);
  logger.info(
    { url: `http://${config.http.host}:${port}`, brokers: config.kafka.brokers.join(",") },
    "Eventscope is up",
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await running.stop();
    await brokerMonitor.stop();
    server.closeAllConnections();
    clearTimeout(force);
    logger.info("bye");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("eventscope failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
