/**
 * The shop's message contracts: one zod schema per event type, shared by producers and consumers the way
 * a schema registry would be. Consumers parse every value with these: a malformed message is rejected
 * (or dead-lettered), never allowed to crash a service.
 */
import { z } from "zod";

const id = z.string().min(1).max(200);
const lineItem = z.object({ sku: z.string().min(1).max(64), qty: z.number().int().positive().max(1_000) });
const items = z.array(lineItem).min(1).max(50);
const amount = z.number().positive().max(1_000_000);

export const contracts = {
  PlaceOrder: z.object({ orderId: id, customerId: id, items, amount }),
  OrderPlaced: z.object({ orderId: id, customerId: id, items, amount }),
  OrderConfirmed: z.object({ orderId: id, customerId: id, amount, paymentId: id, reservationId: id }),
  OrderCancelled: z.object({ orderId: id, customerId: id, reason: z.string() }),
  PaymentAuthorized: z.object({ orderId: id, paymentId: id, amount }),
  PaymentDeclined: z.object({ orderId: id, amount, reason: z.string() }),
  PaymentRefunded: z.object({ orderId: id, paymentId: id, amount }),
  StockReserved: z.object({ orderId: id, reservationId: id, items }),
  OutOfStock: z.object({ orderId: id, sku: z.string(), requested: z.number(), available: z.number() }),
  StockReleased: z.object({ orderId: id, reservationId: id }),
  RegisterUser: z.object({ userId: id, name: z.string().min(1).max(200), email: z.email() }),
  UserRegistered: z.object({ userId: id, name: z.string().min(1).max(200), email: z.email() }),
} as const;

export type EventType = keyof typeof contracts;
export type EventData<T extends EventType> = z.infer<(typeof contracts)[T]>;
export type LineItem = z.infer<typeof lineItem>;

/** Why a value could not be read: the error type and message a dead letter reports. */
export class UnreadableMessageError extends Error {
  constructor(
    readonly errorType: "MalformedJson" | "SchemaViolation",
    message: string,
  ) {
    super(message);
    this.name = errorType;
  }
}

/** Parses a record value as event `type`; throws UnreadableMessageError when it is not one. */
export function parseEvent<T extends EventType>(type: T, value: Buffer | null): EventData<T> {
  let json: unknown;
  try {
    json = JSON.parse(value?.toString("utf8") ?? "");
  } catch (error) {
    throw new UnreadableMessageError("MalformedJson", `value is not JSON: ${(error as Error).message}`);
  }
  return validateEvent(type, json);
}

/** Checks an already decoded value (JSON or Avro) against event `type`'s contract. */
export function validateEvent<T extends EventType>(type: T, data: unknown): EventData<T> {
  const result = contracts[type].safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`);
    throw new UnreadableMessageError("SchemaViolation", `not a valid ${type}: ${problems.join("; ")}`);
  }
  return result.data as EventData<T>;
}

/**
 * UserRegistered in Avro: what user-service writes when the shop runs with a schema registry (the
 * default `npm run demo`), so the dashboard shows a registry-encoded topic beside the JSON ones.
 */
export const userRegisteredAvro = {
  type: "record",
  name: "UserRegistered",
  namespace: "shop.users",
  fields: [
    { name: "userId", type: "string" },
    { name: "name", type: "string" },
    { name: "email", type: "string" },
  ],
} as const;
