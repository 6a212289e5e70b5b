"use client";

import { useBrokerStatus } from "@/components/live/use-broker-status";
import { useCollectorState } from "@/components/live/use-collector-state";
import { useSocketState } from "@/components/live/live-socket-provider";
import styles from "@/components/ui/connection-indicator.module.css";

type Indicator = "live" | "catching-up" | "broker-down" | "reconnecting" | "connecting" | "checking";

const labels: Record<Indicator, string> = {
  live: "Live",
  "catching-up": "Catching up…",
  "broker-down": "Broker down",
  reconnecting: "Reconnecting…",
  connecting: "Connecting…",
  checking: "Checking broker…",
};

/** Combines the browser↔dashboard socket and the dashboard↔Kafka reachability into one honest badge. */
export function ConnectionIndicator() {
  const socketState = useSocketState();
  const broker = useBrokerStatus();
  const collector = useCollectorState();
  const indicator: Indicator =
    socketState === "reconnecting"
      ? "reconnecting"
      : socketState === "connecting"
        ? "connecting"
        : broker?.state === "up"
          ? // Kafka answers, but the collector is not reading again yet, or not up to date yet.
            collector === "catching-up" || collector === "degraded"
            ? "catching-up"
            : "live"
          : broker?.state === "down"
            ? "broker-down"
            : "checking";
  const title =
    indicator === "broker-down" && broker
      ? `Kafka at ${broker.brokers} does not answer: ${broker.error ?? "unknown error"}`
      : indicator === "live" && broker
        ? `Connected to Kafka at ${broker.brokers} (${broker.clusterBrokers} broker${broker.clusterBrokers === 1 ? "" : "s"})`
        : indicator === "catching-up"
          ? "Kafka is back: reading what was written while Eventscope could not read it; views may lag until then"
          : indicator === "reconnecting"
            ? "Lost the connection to the Eventscope server; retrying"
            : undefined;
  return (
    <div
      className={styles.indicator}
      data-testid="connection-indicator"
      data-state={indicator}
      role="status"
      aria-live="polite"
      title={title}
    >
      <span className={styles.dot} aria-hidden />
      <span>{labels[indicator]}</span>
    </div>
  );
}
