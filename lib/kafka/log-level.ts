/**
 * Which pino level a kafkajs log line deserves. kafkajs logs every failed response at error level, also
 * the retriable "coordinator not ready yet" answers a consumer gets for a few seconds while a fresh broker
 * loads its group coordinator (on every first start). It retries those by itself, and if the coordinator
 * never comes the consumer still fails with its own error line; so only these answers drop to debug.
 */
export type LogLevelName = "error" | "warn" | "info" | "debug";

/** kafkajs' numeric levels (its `logLevel` enum), which a pure module cannot import. */
const KAFKAJS_LEVELS: Record<number, LogLevelName> = { 1: "error", 2: "warn", 4: "info", 5: "debug" };

/** kafkajs' messages for GROUP_LOAD_IN_PROGRESS (14), GROUP_COORDINATOR_NOT_AVAILABLE (15), NOT_COORDINATOR (16). */
const COORDINATOR_STARTING = [
  "The coordinator is loading and hence can't process requests for this group",
  "The group coordinator is not available",
  "This is not the correct coordinator for this group",
];

/**
 * A refused login (SASL) or a broker certificate that is not trusted fails every connection of every
 * client, and kafkajs logs each attempt, up to a dozen lines a retry loop. Eventscope's broker monitor
 * states that cause once, in one line naming the setting to fix, so kafkajs' own lines about it drop to
 * debug. "Not authorized" (an ACL refusing one request) is not among them: that stays an error.
 */
const REFUSED_CONNECTION = /authentication failed|certificate/i;

/** `entry`: the kafkajs log entry (its `message`, and `error` when it reports one). */
export function kafkaLogLevel(level: number, entry: Readonly<Record<string, unknown>>): LogLevelName | null {
  const name = KAFKAJS_LEVELS[level];
  if (name === undefined) return null;
  if (name === "error" && typeof entry.error === "string" && COORDINATOR_STARTING.includes(entry.error))
    return "debug";
  const said = [entry.message, entry.error].filter((s): s is string => typeof s === "string");
  if ((name === "error" || name === "warn") && said.some((s) => REFUSED_CONNECTION.test(s))) return "debug";
  return name;
}
