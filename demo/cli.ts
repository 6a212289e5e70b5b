/**
 * The demo's settings from flags and environment, validated once: a bad value stops the start with one
 * line per problem. Flags win over environment variables.
 *
 *   --gateway-port N   DEMO_GATEWAY_PORT   (4000)      gateway HTTP port on 127.0.0.1
 *   --rate N           DEMO_RATE           (2)         orders per second from the load generator
 *   --no-traffic                                       start with the load generator off (rate 0)
 *   KAFKA_BROKERS (127.0.0.1:9092) · DEMO_PAYMENT_OUTAGE=1 · DEMO_POISON_RATE=0.1 ·
 *   DEMO_RETRY_DELAYS_MS=1000,3000 · DEMO_LOG_LEVEL (default EVENTSCOPE_LOG_LEVEL, else info; debug
 *   logs every message) · EVENTSCOPE_SCHEMA_REGISTRY_URL (user-service writes UserRegistered in Avro)
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { type DemoConfig, defaultControl, demoConfig } from "./config";

const settingsSchema = z.object({
  KAFKA_BROKERS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((b) => /^[^:\s]+:\d{1,5}$/.test(b)), "each broker must look like host:port"),
  DEMO_GATEWAY_PORT: z.coerce.number("must be a port number").int().min(0).max(65_535).default(4_000),
  DEMO_RATE: z.coerce
    .number("must be a number of orders per second")
    .min(0)
    .max(500)
    .default(defaultControl.rate),
  DEMO_PAYMENT_OUTAGE: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  DEMO_POISON_RATE: z.coerce.number().min(0).max(1).default(0),
  DEMO_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d+,\d+$/, "must be two delays in ms, e.g. 1000,3000")
    .default("1000,3000")
    .transform((s) => s.split(",").map(Number) as [number, number]),
  EVENTSCOPE_SCHEMA_REGISTRY_URL: z.url("must be an http:// or https:// URL").optional(),
  DEMO_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

const flagNames: Record<string, string> = {
  DEMO_GATEWAY_PORT: "--gateway-port / DEMO_GATEWAY_PORT",
  DEMO_RATE: "--rate / DEMO_RATE",
};

export interface CliSettings {
  config: DemoConfig;
  logLevel: string;
}

export function readSettings(argv: string[], env: NodeJS.ProcessEnv): CliSettings {
  let values: { "gateway-port"?: string; rate?: string; "no-traffic"?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        "gateway-port": { type: "string" },
        rate: { type: "string" },
        "no-traffic": { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new SettingsError(
      `demo: ${(error as Error).message} (flags: --gateway-port N, --rate N, --no-traffic)`,
    );
  }
  const input = {
    ...env,
    DEMO_GATEWAY_PORT: values["gateway-port"] ?? env.DEMO_GATEWAY_PORT,
    DEMO_RATE: values["no-traffic"] ? "0" : (values.rate ?? env.DEMO_RATE),
    // Under `npm run demo` the shop follows the dashboard's verbosity unless told otherwise.
    DEMO_LOG_LEVEL: env.DEMO_LOG_LEVEL ?? env.EVENTSCOPE_LOG_LEVEL,
  };
  const parsed = settingsSchema.safeParse(
    Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `demo: ${flagNames[String(i.path[0])] ?? i.path.join(".")}: ${i.message}`,
    );
    throw new SettingsError(lines.join("\n"));
  }
  const s = parsed.data;
  return {
    logLevel: s.DEMO_LOG_LEVEL,
    config: demoConfig({
      ...(s.KAFKA_BROKERS.length > 0 ? { brokers: s.KAFKA_BROKERS } : {}),
      gatewayPort: s.DEMO_GATEWAY_PORT,
      retryDelaysMs: s.DEMO_RETRY_DELAYS_MS,
      schemaRegistryUrl: s.EVENTSCOPE_SCHEMA_REGISTRY_URL ?? null,
      initialControl: {
        ...defaultControl,
        rate: s.DEMO_RATE,
        paymentOutage: s.DEMO_PAYMENT_OUTAGE,
        poisonRate: s.DEMO_POISON_RATE,
      },
    }),
  };
}

export class SettingsError extends Error {}
