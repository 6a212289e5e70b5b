/**
 * Starts the whole demo shop in this process: topics, the five services (plus user-service), the gateway
 * and the load generator. Each service has its own Kafka clients and consumer groups and talks to the
 * others only through Kafka; only the control knobs and the stats counters are shared in memory.
 */
import { logLevel } from "kafkajs";
import { allTopics, type DemoConfig } from "./config";
import { Control } from "./control";
import { startGateway } from "./gateway/service";
import { startInventoryService } from "./inventory/service";
import { startLoadGenerator } from "./loadgen/load-generator";
import type { Logger } from "./logger";
import { ensureTopics } from "./messaging/topics";
import { loggingMailer, type Mailer } from "./notification/mailer";
import { startNotificationService } from "./notification/service";
import { startOrderService } from "./order/service";
import { startPaymentService } from "./payment/service";
import { createKafka, type RunningService, type ServiceDeps } from "./service-kit";
import { Stats } from "./stats";
import { startUserService } from "./user/service";

export interface DemoSystem {
  gatewayUrl: string;
  control: Control;
  stop(): Promise<void>;
}

export async function startDemoSystem(
  config: DemoConfig,
  logger: Logger,
  mailer?: Mailer,
): Promise<DemoSystem> {
  const began = Date.now();
  // Silent: a fresh topic answers NOT_LEADER for a moment, which the admin retries and is no news.
  const admin = createKafka("demo-setup", config, logger, logLevel.NOTHING).admin();
  await admin.connect();
  try {
    const created = await ensureTopics(admin, allTopics(config.topics), config.partitions);
    if (created.length > 0) logger.info({ topics: created }, `created ${created.length} topics`);
  } finally {
    await admin.disconnect();
  }

  const stats = new Stats();
  const control = new Control(config.initialControl);
  const deps: ServiceDeps = { config, control, logger, stats };
  const services: RunningService[] = [];
  const stopServices = () => Promise.all(services.map((s) => s.stop()));
  const notificationLogger = logger.child({ service: "notification-service" });
  try {
    // Every consumer service before the gateway, so nothing it sends waits for a group still joining.
    const results = await Promise.allSettled([
      startOrderService(deps),
      startPaymentService(deps),
      startInventoryService(deps),
      startNotificationService({ ...deps, mailer: mailer ?? loggingMailer(notificationLogger) }),
      startUserService(deps),
    ]);
    for (const result of results) if (result.status === "fulfilled") services.push(result.value);
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
    const gateway = await startGateway(deps);
    const load = startLoadGenerator(gateway.url, control, logger.child({ service: "load-generator" }), stats);
    const statsTimer =
      config.statsIntervalMs > 0
        ? setInterval(() => {
            const counts = stats.take();
            if (Object.keys(counts).length > 0)
              logger.info(counts, `last ${config.statsIntervalMs / 1_000} s`);
          }, config.statsIntervalMs)
        : undefined;
    logger.info(
      { gateway: gateway.url, ms: Date.now() - began, control: control.state },
      "demo shop running",
    );

    return {
      gatewayUrl: gateway.url,
      control,
      async stop() {
        clearInterval(statsTimer);
        await load.stop();
        await gateway.stop(); // no new commands from here on
        await stopServices();
        logger.info("demo shop stopped");
      },
    };
  } catch (error) {
    await stopServices().catch(() => undefined);
    throw error;
  }
}
