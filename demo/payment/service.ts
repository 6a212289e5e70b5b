/**
 * payment-service: authorises payment for each OrderPlaced (orders.events, group payment-service) and
 * answers PaymentAuthorized / PaymentDeclined on payments.events; refunds cancelled orders.
 * A transient failure goes to payments.retry.1, then payments.retry.2 (group payment-service-retry,
 * each copy processed no earlier than its due time), then payments.DLQ.
 */
import { SERVICES } from "../config";
import type { ConsumedMessage } from "../messaging/consumer";
import { readRetryState } from "../messaging/dead-letter";
import { type RunningService, type ServiceDeps, startServiceKit } from "../service-kit";
import { createPaymentProcessor } from "./processor";
import { createRetryRouter } from "./retry-router";

export async function startPaymentService(deps: ServiceDeps): Promise<RunningService> {
  const { config, control, stats } = deps;
  const kit = await startServiceKit(SERVICES.payment, deps);
  const retry = createRetryRouter(kit, config, stats);
  const payments = createPaymentProcessor({ kit, config, control, stats, retry });

  await kit.consume({
    groupId: config.groups.payment,
    topics: [config.topics.ordersEvents],
    handle: async (message) => {
      if (message.context.type === "OrderPlaced") await payments.onOrderPlaced(message);
      else if (message.context.type === "OrderCancelled") await payments.onOrderCancelled(message);
    },
  });

  await kit.consume({
    groupId: config.groups.paymentRetry,
    topics: [...config.topics.paymentsRetry],
    // A resumed partition should be fetched soon after its due time, not after a long poll elsewhere.
    maxWaitTimeInMs: 200,
    handle: async (message: ConsumedMessage) => {
      const dueAt = readRetryState(message.headers)?.dueAt ?? 0;
      // Each retry topic has one delay, so its partitions are in due-time order: waiting for the head
      // of a partition never lets a later message overtake an earlier one.
      if (dueAt > Date.now()) return { retryAt: dueAt };
      if (message.context.type === "OrderPlaced") await payments.onOrderPlaced(message);
    },
  });
  return kit;
}
