/** Asks a broker a real question (a kafkajs admin call), which is what "up" means for Eventscope. */
import net from "node:net";
import { Kafka, logLevel } from "kafkajs";

export async function brokerAnswers(address: string, timeoutMs = 2_000): Promise<boolean> {
  const kafka = new Kafka({
    clientId: "eventscope-probe",
    brokers: [address],
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** True when something accepts TCP connections on host:port (a broker, or anything else). */
export function portInUse(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (used: boolean) => {
      socket.destroy();
      resolve(used);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
