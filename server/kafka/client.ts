/** Builds kafkajs clients from config, with kafkajs' own logging routed into pino. */
import { Kafka, type KafkaConfig, type logCreator, logLevel } from "kafkajs";
import { kafkaLogLevel } from "@/lib/kafka/log-level";
import type { Config } from "@/server/config";
import type { Logger } from "@/server/logger";

function pinoLogCreator(logger: Logger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...extra } = log;
      logger[kafkaLogLevel(level, log) ?? "info"]({ kafkajs: extra }, message);
    };
}

export interface ClientOptions {
  clientId?: string;
  /** kafkajs is chatty while a broker is down; callers that report reachability themselves pass NOTHING. */
  level?: logLevel;
  connectionTimeout?: number;
  requestTimeout?: number;
  retries?: number;
}

export function createKafka(config: Config["kafka"], logger: Logger, options: ClientOptions = {}): Kafka {
  const kafkaConfig: KafkaConfig = {
    clientId: options.clientId ?? config.clientId,
    brokers: config.brokers,
    // An object, even empty, makes kafkajs connect with TLS; unset fields keep Node's defaults.
    ssl: config.ssl === null ? false : { ...config.ssl },
    logLevel: options.level ?? logLevel.WARN,
    logCreator: pinoLogCreator(logger.child({ component: "kafkajs" })),
    connectionTimeout: options.connectionTimeout ?? 3_000,
    requestTimeout: options.requestTimeout ?? 30_000,
    retry: { retries: options.retries ?? 5 },
  };
  if (config.sasl) {
    const { mechanism, username, password } = config.sasl;
    // Spelled out per mechanism because kafkajs types SASL options as a union keyed by mechanism.
    kafkaConfig.sasl =
      mechanism === "plain"
        ? { mechanism, username, password }
        : mechanism === "scram-sha-256"
          ? { mechanism, username, password }
          : { mechanism, username, password };
  }
  return new Kafka(kafkaConfig);
}
