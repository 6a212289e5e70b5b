/**
 * notification-service: e-mails customers on OrderConfirmed (orders.events) and UserRegistered
 * (users.events), group notification-service. A message it cannot read is a poison message: retrying
 * would fail the same way forever and block its partition, so it goes to notifications.DLQ at once
 * (attempts 1) with its origin and error, and the service carries on with the next message.
 */
import { SERVICES } from "../config";
import {
  type EventData,
  parseEvent,
  UnreadableMessageError,
  userRegisteredAvro,
  validateEvent,
} from "../contracts";
import { type AvroCodec, avroCodec } from "../messaging/avro-codec";
import type { ConsumedMessage } from "../messaging/consumer";
import { deadLetterHeaders, nextRetryState } from "../messaging/dead-letter";
import { type RunningService, type ServiceDeps, startServiceKit } from "../service-kit";
import type { Email, Mailer } from "./mailer";

/** The e-mail a message asks for, or null when it is not one this service sends. Throws when unreadable. */
function emailFor(
  message: ConsumedMessage,
  topics: { orders: string; users: string },
  avroUser: EventData<"UserRegistered"> | null,
): Omit<Email, "traceId" | "causationId"> | null {
  const type = message.context.type;
  if (message.topic === topics.orders) {
    if (type !== "OrderConfirmed") return null; // the other order events are not this service's business
    const order = parseEvent("OrderConfirmed", message.value);
    return {
      to: `${order.customerId}@customers.example`,
      subject: `Your order ${order.orderId} is confirmed`,
      body: `We received your payment of ${order.amount.toFixed(2)} and your items are reserved.`,
      correlationId: order.orderId,
    };
  }
  if (type !== "UserRegistered") {
    throw new UnreadableMessageError(
      "SchemaViolation",
      `unexpected event type on ${message.topic}: ${type ?? "none"}`,
    );
  }
  const user = avroUser ?? parseEvent("UserRegistered", message.value);
  return {
    to: user.email,
    subject: `Welcome, ${user.name}`,
    body: "Your account is ready.",
    correlationId: user.userId,
  };
}

/** A UserRegistered written in Avro (magic byte 0) decoded through the registry; null for JSON. */
async function readAvroUser(
  message: ConsumedMessage,
  codec: AvroCodec | null,
): Promise<EventData<"UserRegistered"> | null> {
  if (!codec || message.value?.[0] !== 0) return null;
  try {
    return validateEvent("UserRegistered", await codec.decode(message.value));
  } catch (error) {
    if (error instanceof UnreadableMessageError) throw error;
    throw new UnreadableMessageError("SchemaViolation", `not readable Avro: ${(error as Error).message}`);
  }
}

export async function startNotificationService(
  deps: ServiceDeps & { mailer: Mailer },
): Promise<RunningService> {
  const { config, stats, mailer } = deps;
  const kit = await startServiceKit(SERVICES.notification, deps);
  const topics = { orders: config.topics.ordersEvents, users: config.topics.usersEvents };
  const codec = config.schemaRegistryUrl
    ? avroCodec(config.schemaRegistryUrl, `${topics.users}-value`, userRegisteredAvro)
    : null;

  const deadLetter = async (message: ConsumedMessage, error: UnreadableMessageError) => {
    const failure = {
      errorType: error.errorType,
      errorMessage: error.message,
      at: new Date(),
      consumerGroup: config.groups.notification,
    };
    const headers = deadLetterHeaders(message, failure, nextRetryState(message, failure, []));
    await kit.publisher.forward(config.topics.notificationsDlq, {
      key: message.key ?? null,
      value: message.value,
      headers,
    });
    stats.count("poison messages dead-lettered");
    const where = { traceId: message.context.traceId, topic: message.topic, offset: message.offset };
    kit.logger.debug({ ...where, err: error }, "poison message dead-lettered"); // counted in the stats line
  };

  await kit.consume({
    groupId: config.groups.notification,
    topics: [topics.orders, topics.users],
    handle: async (message) => {
      let email: Omit<Email, "traceId" | "causationId"> | null;
      try {
        email = emailFor(message, topics, await readAvroUser(message, codec));
      } catch (error) {
        if (error instanceof UnreadableMessageError) return deadLetter(message, error);
        throw error;
      }
      if (!email) return;
      await mailer.send({
        ...email,
        traceId: message.context.traceId,
        causationId: message.context.id ?? "unknown",
      });
      stats.count("e-mails sent");
    },
  });
  return kit;
}
