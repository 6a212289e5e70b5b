/**
 * Composition root: reads config, wires the parts together, serves one port, shuts down cleanly.
 * `tsx server/main.ts` runs the production build; `--dev` runs Next in development mode.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig } from "@/server/config";
import { composeServer } from "@/server/compose";
import { createHttpApp, listen } from "@/server/http/app";
import { createHttpSecurity } from "@/server/http/http-security";
import { createNextHandler } from "@/server/http/next-handler";
import { startBrokerMonitor } from "@/server/kafka/broker-monitor";
import { surviveStrayKafkaRejections } from "@/server/kafka/stray-rejections";
import { createLiveServer } from "@/server/live/socket-server";
import { createLogger } from "@/server/logger";
import { heapLimitProblem } from "@/server/memory-budget";
import { repoRoot } from "@/server/repo-root";

const version = (
  JSON.parse(readFileSync(path.join(repoRoot(), "package.json"), "utf8")) as { version: string }
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
  surviveStrayKafkaRejections(logger);
  const startedAt = Date.now();
  const heapProblem = heapLimitProblem(config.memory);
  if (heapProblem && !dev) logger.warn(heapProblem);

  const brokerMonitor = startBrokerMonitor(config, logger);
  const ui = await createNextHandler({ dev, host: config.http.host, port: config.http.port });
  const security = createHttpSecurity(config, { dev });
  const { server, router } = createHttpApp(logger, ui, security);
  const io = createLiveServer(server, { brokerMonitor, logger, security });
  const running = await composeServer({ config, logger, router, io, brokerMonitor, version, startedAt });

  const port = await listen(server, config.http.port, config.http.host);
  logger.info(
    { url: `http://${config.http.host}:${port}`, brokers: config.kafka.brokers.join(",") },
    "Eventscope is up",
  );

  // Shutdown finishes within SHUTDOWN_BUDGET_MS whatever state Kafka is in: with the broker down, kafkajs
  // disconnects wait on retries that can last minutes. A second signal (Ctrl-C again) exits at once.
  const SHUTDOWN_BUDGET_MS = 2_500;
  let stoppingSince: number | null = null;
  const shutdown = async (signal: string) => {
    if (stoppingSince !== null) {
      // One Ctrl-C often arrives twice within a moment: from the terminal and relayed by npm or tsx.
      if (Date.now() - stoppingSince < 1_000) return;
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(130);
    }
    stoppingSince = Date.now();
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.warn({ budgetMs: SHUTDOWN_BUDGET_MS }, "shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS);
    const closed = new Promise<void>((resolve) => io.close(() => resolve()));
    // Browsers keep connections alive; the server would wait for each of them to go idle.
    server.closeAllConnections();
    await closed;
    await running.stop();
    await brokerMonitor.stop();
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
