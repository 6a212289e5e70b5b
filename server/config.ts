/**
 * Configuration from the environment, validated once at start. A bad value stops the process with one
 * line per problem, naming the variable, instead of failing later somewhere far away.
 */
import { z } from "zod";
import { DEFAULT_DLQ_PATTERNS, dlqPatternProblem } from "@/lib/dlq";
import { type KafkaTls, readTlsFiles } from "@/server/kafka/tls-files";
import { DEFAULT_MEMORY_MB, memoryMbSetting, memoryPlan } from "@/server/memory-budget";

const brokerList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length > 0, "must name at least one broker, e.g. 127.0.0.1:9092")
  .refine((list) => list.every((b) => /^[^:\s]+:\d{1,5}$/.test(b)), "each broker must look like host:port");

const durationMs = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, "must be a duration like 30s, 15m, 1h or 2d")
  .transform((s) => {
    const n = Number.parseInt(s, 10);
    const unit = s.replace(/^\d+/, "");
    const factor = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1;
    return n * factor;
  });

const port = z.coerce.number().int().min(1).max(65_535);

const commaList = z.string().transform((s) =>
  s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean),
);

const dlqPatterns = commaList.superRefine((list, ctx) => {
  if (list.length === 0) ctx.addIssue({ code: "custom", message: "must name at least one pattern" });
  for (const p of list) {
    const problem = dlqPatternProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }
});

const origins = commaList.superRefine((list, ctx) => {
  for (const o of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(o))
      ctx.addIssue({ code: "custom", message: "each origin must look like https://host[:port] (no path)" });
  }
});

/** Host names the dashboard answers to (DNS-rebinding defence): `name` or `name:port`, no scheme or path. */
const hostNames = commaList.superRefine((list, ctx) => {
  for (const h of list) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(h))
      ctx.addIssue({
        code: "custom",
        message: "each host must look like name or name:port (no scheme, no path)",
      });
  }
});

/** Alert delivery targets: http(s) URLs (webhook URLs often carry a secret, so values are never printed). */
const httpUrl = z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, "must be an http:// or https:// URL");
const httpUrls = commaList.refine((list) => list.every((u) => httpUrl.safeParse(u).success), {
  message: "each webhook must be an http:// or https:// URL",
});

const envSchema = z.object({
  KAFKA_BROKERS: brokerList.default(["127.0.0.1:9092"]),
  KAFKA_CLIENT_ID: z.string().min(1).default("eventscope"),
  KAFKA_SSL: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  KAFKA_SSL_CA_FILE: z.string().optional(),
  KAFKA_SSL_CERT_FILE: z.string().optional(),
  KAFKA_SSL_KEY_FILE: z.string().optional(),
  KAFKA_SASL_MECHANISM: z.enum(["plain", "scram-sha-256", "scram-sha-512"]).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  EVENTSCOPE_HOST: z.string().min(1).default("127.0.0.1"),
  EVENTSCOPE_PORT: port.default(3000),
  EVENTSCOPE_LOOKBACK: durationMs.default(3_600_000),
  EVENTSCOPE_MEMORY_MB: memoryMbSetting.default(DEFAULT_MEMORY_MB),
  EVENTSCOPE_STORE: z
    .union([
      z.enum(["embedded", "memory"]),
      z.string().regex(/^postgres(ql)?:\/\/\S+$/, "embedded, memory or a postgres://… connection URL"),
    ])
    .default("embedded"),
  EVENTSCOPE_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "a redis:// or rediss:// URL")
    .optional(),
  EVENTSCOPE_CLUSTER_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, "1–100 letters, digits, dots, dashes or underscores")
    .default("eventscope"),
  EVENTSCOPE_DATA_DIR: z.string().min(1).default(".eventscope/store"),
  EVENTSCOPE_RETENTION: durationMs.default(3_600_000),
  EVENTSCOPE_DISK_BUDGET_MB: z.coerce.number().int().min(16).max(16_777_216).default(16_384),
  EVENTSCOPE_BROKER_CHECK_INTERVAL: durationMs.default(2_000),
  EVENTSCOPE_LAG_INTERVAL: durationMs.refine((ms) => ms >= 500, "must be at least 500ms").default(5_000),
  EVENTSCOPE_ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  EVENTSCOPE_SIGN_IN_CODE: z.string().min(16, "must be at least 16 characters").optional(),
  EVENTSCOPE_SESSION_TTL: durationMs.default(12 * 3_600_000),
  EVENTSCOPE_ALLOWED_ORIGINS: origins.default([]),
  EVENTSCOPE_ALLOWED_HOSTS: hostNames.default([]),
  EVENTSCOPE_DLQ_PATTERNS: dlqPatterns.default([...DEFAULT_DLQ_PATTERNS]),
  EVENTSCOPE_DLQ_SCAN_INTERVAL: durationMs.default(5_000),
  EVENTSCOPE_DLQ_MAX_LETTERS: z.coerce.number().int().min(100).max(1_000_000).default(50_000),
  EVENTSCOPE_ALERT_INTERVAL: durationMs.refine((ms) => ms >= 500, "must be at least 500ms").default(5_000),
  EVENTSCOPE_ALERTMANAGER_URL: httpUrl.optional(),
  EVENTSCOPE_ALERT_WEBHOOKS: httpUrls.default([]),
  EVENTSCOPE_ALERT_WEBHOOK_FORMAT: z.enum(["json", "slack"]).default("json"),
  EVENTSCOPE_ALERT_DASHBOARD_URL: httpUrl.optional(),
  EVENTSCOPE_SCHEMA_REGISTRY_URL: httpUrl.optional(),
  EVENTSCOPE_SCHEMA_REGISTRY_USERNAME: z.string().optional(),
  EVENTSCOPE_SCHEMA_REGISTRY_PASSWORD: z.string().optional(),
  EVENTSCOPE_SCHEMA_REGISTRY_TIMEOUT: durationMs.default(3_000),
  EVENTSCOPE_SCHEMA_CACHE_MB: z.coerce.number().int().min(1).max(4_096).default(32),
  EVENTSCOPE_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
});

export type Config = ReturnType<typeof toConfig>;
export type StoreConfig = Config["store"];
export type SchemaRegistryConfig = NonNullable<Config["schemaRegistry"]>;

function storeBackend(setting: string): "embedded" | "memory" | "postgres" {
  return setting === "embedded" || setting === "memory" ? setting : "postgres";
}

function toConfig(env: z.infer<typeof envSchema>, tls: KafkaTls) {
  // Every part of the process's memory budget, and why it is that part: see memory-budget.ts.
  const memory = memoryPlan(env.EVENTSCOPE_MEMORY_MB);
  const sasl =
    env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
      ? {
          mechanism: env.KAFKA_SASL_MECHANISM,
          username: env.KAFKA_SASL_USERNAME,
          password: env.KAFKA_SASL_PASSWORD,
        }
      : null;
  return {
    kafka: {
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID,
      // null: plaintext; {}: TLS trusting the system's CAs; else the CA and client certificate files' PEM.
      ssl: env.KAFKA_SSL ? tls : null,
      sasl,
    },
    http: {
      host: env.EVENTSCOPE_HOST,
      port: env.EVENTSCOPE_PORT,
      allowedHosts: env.EVENTSCOPE_ALLOWED_HOSTS.map((h) => h.toLowerCase()),
    },
    lookbackMs: env.EVENTSCOPE_LOOKBACK,
    memoryBudgetBytes: memory.budgetBytes,
    memory,
    store: {
      backend: storeBackend(env.EVENTSCOPE_STORE),
      // The connection URL of a shared PostgreSQL store (it may hold a password: never logged).
      url: storeBackend(env.EVENTSCOPE_STORE) === "postgres" ? env.EVENTSCOPE_STORE : null,
      dataDir: env.EVENTSCOPE_DATA_DIR,
      retentionMs: env.EVENTSCOPE_RETENTION,
      diskBudgetBytes: env.EVENTSCOPE_DISK_BUDGET_MB * 1024 * 1024,
      cacheBytes: memory.sqliteCacheBytes,
    },
    brokerCheckIntervalMs: env.EVENTSCOPE_BROKER_CHECK_INTERVAL,
    lagIntervalMs: env.EVENTSCOPE_LAG_INTERVAL,
    // Live updates fan out through Redis to the browsers of every instance (it may hold a password).
    redisUrl: env.EVENTSCOPE_REDIS_URL ?? null,
    // Names the work the instances of one deployment share (re-drive transactional ids), whatever their
    // KAFKA_CLIENT_ID: two deployments on one Kafka cluster need different names.
    clusterName: env.EVENTSCOPE_CLUSTER_NAME,
    adminToken: env.EVENTSCOPE_ADMIN_TOKEN ?? null,
    auth: {
      sessionTtlMs: env.EVENTSCOPE_SESSION_TTL,
      allowedOrigins: env.EVENTSCOPE_ALLOWED_ORIGINS,
      signInCode: env.EVENTSCOPE_SIGN_IN_CODE ?? null,
    },
    dlq: {
      patterns: env.EVENTSCOPE_DLQ_PATTERNS,
      scanIntervalMs: env.EVENTSCOPE_DLQ_SCAN_INTERVAL,
      maxLettersPerTopic: env.EVENTSCOPE_DLQ_MAX_LETTERS,
      // Dead letters are held whole (to re-drive them byte for byte), all DLQ topics within one share of
      // the memory budget, so any number of DLQ topics stays inside it.
      memoryBytes: memory.deadLetterBytes,
    },
    alerts: {
      intervalMs: env.EVENTSCOPE_ALERT_INTERVAL,
      alertmanagerUrl: env.EVENTSCOPE_ALERTMANAGER_URL ?? null,
      webhooks: env.EVENTSCOPE_ALERT_WEBHOOKS,
      webhookFormat: env.EVENTSCOPE_ALERT_WEBHOOK_FORMAT,
      dashboardUrl:
        env.EVENTSCOPE_ALERT_DASHBOARD_URL ?? `http://${env.EVENTSCOPE_HOST}:${env.EVENTSCOPE_PORT}`,
    },
    schemaRegistry: env.EVENTSCOPE_SCHEMA_REGISTRY_URL
      ? {
          url: env.EVENTSCOPE_SCHEMA_REGISTRY_URL.replace(/\/+$/, ""),
          username: env.EVENTSCOPE_SCHEMA_REGISTRY_USERNAME ?? null,
          password: env.EVENTSCOPE_SCHEMA_REGISTRY_PASSWORD ?? null,
          timeoutMs: env.EVENTSCOPE_SCHEMA_REGISTRY_TIMEOUT,
          cacheBytes: env.EVENTSCOPE_SCHEMA_CACHE_MB * 1024 * 1024,
        }
      : null,
    logLevel: env.EVENTSCOPE_LOG_LEVEL,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws ConfigError listing every bad variable (never its value: it may be secret). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in a shell `FOO= cmd`, so defaults still apply.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const problems: string[] = [];
  const e = parsed.data;
  const saslParts = [e.KAFKA_SASL_MECHANISM, e.KAFKA_SASL_USERNAME, e.KAFKA_SASL_PASSWORD];
  if (saslParts.some(Boolean) && !saslParts.every(Boolean)) {
    problems.push(
      "KAFKA_SASL_*: set all of KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD",
    );
  }
  const tlsFiles = { ca: e.KAFKA_SSL_CA_FILE, cert: e.KAFKA_SSL_CERT_FILE, key: e.KAFKA_SSL_KEY_FILE };
  if (!e.KAFKA_SSL && Object.values(tlsFiles).some(Boolean))
    problems.push(
      "KAFKA_SSL_CA_FILE / _CERT_FILE / _KEY_FILE: set KAFKA_SSL=true too (they are TLS settings)",
    );
  const { tls, problems: tlsProblems } = readTlsFiles(tlsFiles);
  problems.push(...tlsProblems);
  if (Boolean(e.EVENTSCOPE_SCHEMA_REGISTRY_USERNAME) !== Boolean(e.EVENTSCOPE_SCHEMA_REGISTRY_PASSWORD)) {
    problems.push(
      "EVENTSCOPE_SCHEMA_REGISTRY_USERNAME / _PASSWORD: basic auth needs both (or neither) of them",
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return toConfig(e, tls);
}
