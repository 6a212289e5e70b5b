/**
 * Everything that names or tunes the demo shop. Topic and group names are fixed for the running demo
 * (the dashboard and the e2e tests rely on them); tests pass a `prefix` so each run gets its own topics
 * and groups and never disturbs, nor is disturbed by, a demo running on the same broker.
 */
import type { ControlState } from "./control";

/** The `ce_source` of every message a service produces. Not prefixed: it names the program, not a resource. */
export const SERVICES = {
  gateway: "gateway",
  order: "order-service",
  payment: "payment-service",
  inventory: "inventory-service",
  notification: "notification-service",
  user: "user-service",
} as const;

export interface DemoTopics {
  ordersCommands: string;
  ordersEvents: string;
  paymentsEvents: string;
  /** One topic per retry attempt; attempt n+1 waits `retryDelaysMs[n-1]` after failure n. */
  paymentsRetry: readonly [string, string];
  paymentsDlq: string;
  inventoryEvents: string;
  notificationsDlq: string;
  usersCommands: string;
  usersEvents: string;
}

export interface DemoGroups {
  /** The gateway's read model of order states (GET /orders/:id). */
  gateway: string;
  order: string;
  payment: string;
  /** A separate group for the retry topics, so a waiting retry never holds up first attempts. */
  paymentRetry: string;
  inventory: string;
  notification: string;
  user: string;
}

export interface DemoConfig {
  brokers: string[];
  topics: DemoTopics;
  groups: DemoGroups;
  partitions: number;
  gatewayHost: string;
  /** 0 picks a free port (tests). */
  gatewayPort: number;
  retryDelaysMs: readonly [number, number];
  /** Upper bound on one message's work in any consumer (AbortSignal timeout). */
  handlerTimeoutMs: number;
  /** How far back the gateway's read model replays order events when it starts. */
  viewLookbackMs: number;
  /** Payments above this amount are declined (a business outcome, not a failure). */
  declineAboveAmount: number;
  /** Failure injection and load at start; changed later through the control endpoint. */
  initialControl: ControlState;
  /** How often lifecycle counters are logged at info (0 = never). */
  statsIntervalMs: number;
  /** A Confluent-compatible schema registry: with one, user-service writes UserRegistered in Avro. */
  schemaRegistryUrl: string | null;
}

export const defaultControl: ControlState = {
  paymentOutage: false,
  poisonRate: 0,
  inventoryPaused: false,
  inventoryDelayMs: 0,
  rate: 2,
};

export function demoTopics(prefix = ""): DemoTopics {
  const name = (base: string) => prefix + base;
  return {
    ordersCommands: name("orders.commands"),
    ordersEvents: name("orders.events"),
    paymentsEvents: name("payments.events"),
    paymentsRetry: [name("payments.retry.1"), name("payments.retry.2")],
    paymentsDlq: name("payments.DLQ"),
    inventoryEvents: name("inventory.events"),
    notificationsDlq: name("notifications.DLQ"),
    usersCommands: name("users.commands"),
    usersEvents: name("users.events"),
  };
}

export function demoGroups(prefix = ""): DemoGroups {
  return {
    gateway: `${prefix}gateway`,
    order: `${prefix}${SERVICES.order}`,
    payment: `${prefix}${SERVICES.payment}`,
    paymentRetry: `${prefix}${SERVICES.payment}-retry`,
    inventory: `${prefix}${SERVICES.inventory}`,
    notification: `${prefix}${SERVICES.notification}`,
    user: `${prefix}${SERVICES.user}`,
  };
}

export function allTopics(topics: DemoTopics): string[] {
  const { paymentsRetry, ...single } = topics;
  return [...Object.values(single), ...paymentsRetry];
}

/** The demo's defaults with `overrides` applied; `prefix` (e.g. "t-1a2b.") namespaces topics and groups. */
export function demoConfig(overrides: Partial<DemoConfig> & { prefix?: string } = {}): DemoConfig {
  const { prefix = "", ...rest } = overrides;
  return {
    brokers: ["127.0.0.1:9092"],
    topics: demoTopics(prefix),
    groups: demoGroups(prefix),
    partitions: 3,
    gatewayHost: "127.0.0.1",
    gatewayPort: 4000,
    retryDelaysMs: [1_000, 3_000],
    handlerTimeoutMs: 10_000,
    viewLookbackMs: 5 * 60_000,
    declineAboveAmount: 1_000,
    initialControl: defaultControl,
    statsIntervalMs: 30_000,
    schemaRegistryUrl: null,
    ...rest,
  };
}
