/**
 * An admin client that survives topics being deleted behind its back.
 *
 * A kafkajs client remembers every topic it was ever asked about (offsets, metadata) and refreshes their
 * metadata together. Once one of them is deleted by someone else, every such refresh fails with
 * UNKNOWN_TOPIC_OR_PARTITION — so asking about any new topic fails, and after the metadata's maximum age
 * so does asking about any old one, for as long as the client lives. kafkajs forgets a topic only when
 * the same client deleted it. A service that asks about many topics for a long time (the dead-letter
 * scan samples every topic of the cluster) would go blind after the first deletion.
 *
 * So when a call fails that way, the client is replaced by a fresh one, which knows no topics. A read is
 * asked once more of the fresh client (asking again changes nothing); any other call fails as it did, and
 * its caller's next attempt goes to the fresh client.
 */
import type { Admin, Kafka } from "kafkajs";
import { errorChain } from "@/server/kafka/error-chain";

type AdminMethod = keyof Admin;

/** Calls that only read, so asking the fresh client again is safe. */
const READS = new Set<AdminMethod>([
  "listTopics",
  "fetchTopicMetadata",
  "fetchTopicOffsets",
  "fetchTopicOffsetsByTimestamp",
  "fetchOffsets",
  "listGroups",
  "describeGroups",
  "describeCluster",
  "describeConfigs",
]);

/** Members that are not calls to the cluster: handed through as they are. */
const LOCAL = new Set<PropertyKey>(["on", "logger", "events"]);

export function isUnknownTopic(error: unknown): boolean {
  return errorChain(error).some((e) => e.type === "UNKNOWN_TOPIC_OR_PARTITION");
}

export function renewingAdmin(kafka: Kafka): Admin {
  let current = kafka.admin();
  /** Between the owner's connect() and disconnect(): a fresh client connects before its first call. */
  let wanted = false;
  const connections = new WeakMap<Admin, Promise<void>>();

  const connected = async (): Promise<Admin> => {
    const admin = current;
    if (wanted) {
      let connection = connections.get(admin);
      if (!connection) {
        connection = admin.connect();
        connections.set(admin, connection);
        // A failed connect is tried again by the next call instead of failing every call after it.
        connection.catch(() => connections.delete(admin));
      }
      await connection;
    }
    return admin;
  };

  /** Calls in flight per client: a replaced client is disconnected once its last call has ended. */
  const inFlight = new Map<Admin, number>();
  const retired = new Set<Admin>();
  const release = (admin: Admin) => {
    const left = (inFlight.get(admin) ?? 1) - 1;
    if (left > 0) return void inFlight.set(admin, left);
    inFlight.delete(admin);
    if (retired.delete(admin)) void admin.disconnect().catch(() => undefined);
  };

  const renew = (stale: Admin) => {
    if (current !== stale) return; // a concurrent call renewed it already
    current = kafka.admin();
    // Other calls may still be waiting on it (a round of offsets asked at once): they finish first.
    if (inFlight.has(stale)) retired.add(stale);
    else void stale.disconnect().catch(() => undefined);
  };

  const invoke = async (method: AdminMethod, args: unknown[]): Promise<unknown> => {
    const admin = await connected();
    inFlight.set(admin, (inFlight.get(admin) ?? 0) + 1);
    try {
      return await (admin[method] as unknown as (...a: unknown[]) => Promise<unknown>).apply(admin, args);
    } catch (error) {
      if (isUnknownTopic(error)) renew(admin);
      throw error;
    } finally {
      release(admin);
    }
  };

  const call = async (method: AdminMethod, args: unknown[]): Promise<unknown> => {
    try {
      return await invoke(method, args);
    } catch (error) {
      if (!isUnknownTopic(error) || !READS.has(method)) throw error;
      return invoke(method, args);
    }
  };

  return new Proxy({} as Admin, {
    get(_target, prop) {
      if (prop === "connect")
        return async () => {
          wanted = true;
          await connected();
        };
      if (prop === "disconnect")
        return async () => {
          wanted = false;
          const admin = current;
          connections.delete(admin);
          await admin.disconnect();
        };
      const value = (current as unknown as Record<PropertyKey, unknown>)[prop];
      if (LOCAL.has(prop) || typeof value !== "function") return value;
      return (...args: unknown[]) => call(prop as AdminMethod, args);
    },
  });
}
