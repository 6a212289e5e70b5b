/**
 * Charging and refunding, idempotent per order. The ledger records the outcome of the one charge an
 * order may get *before* it is announced: a redelivered or re-driven OrderPlaced finds the entry and is
 * never charged twice; if announcing failed, the next delivery announces the recorded outcome again.
 */
import { BoundedMap } from "../bounded-map";
import type { DemoConfig } from "../config";
import type { Control } from "../control";
import type { ConsumedMessage } from "../messaging/consumer";
import { childOrigin } from "../messaging/envelope";
import type { ServiceKit } from "../service-kit";
import type { Stats } from "../stats";
import { type Authorization, authorizePayment, PaymentProviderUnavailable } from "./provider";
import type { RetryRouter } from "./retry-router";

type LedgerEntry = { outcome: Authorization; amount: number; announced: boolean; refunded?: boolean };

export interface PaymentProcessor {
  onOrderPlaced(message: ConsumedMessage): Promise<void>;
  onOrderCancelled(message: ConsumedMessage): Promise<void>;
}

interface Deps {
  kit: ServiceKit;
  config: DemoConfig;
  control: Control;
  stats: Stats;
  retry: RetryRouter;
}

export function createPaymentProcessor({ kit, config, control, stats, retry }: Deps): PaymentProcessor {
  const ledger = new BoundedMap<string, LedgerEntry | "cancelled">(100_000);
  const publish = (message: ConsumedMessage, orderId: string, type: string, data: unknown) =>
    kit.publisher.publish({
      topic: config.topics.paymentsEvents,
      key: orderId,
      type,
      data,
      origin: childOrigin(message.context, orderId),
    });

  return {
    async onOrderPlaced(message) {
      const order = kit.read("OrderPlaced", message);
      if (!order) return;
      let entry = ledger.get(order.orderId);
      if (entry === "cancelled" || entry?.announced) {
        stats.count("payment duplicates skipped");
        return;
      }
      if (!entry) {
        try {
          const settings = {
            outage: control.state.paymentOutage,
            declineAboveAmount: config.declineAboveAmount,
          };
          entry = {
            outcome: authorizePayment(order.amount, settings),
            amount: order.amount,
            announced: false,
          };
        } catch (error) {
          if (error instanceof PaymentProviderUnavailable) return retry(message, error);
          throw error;
        }
        ledger.set(order.orderId, entry);
      }
      const { outcome } = entry;
      if (outcome.authorized) {
        await publish(message, order.orderId, "PaymentAuthorized", {
          orderId: order.orderId,
          paymentId: outcome.paymentId,
          amount: order.amount,
        });
      } else {
        await publish(message, order.orderId, "PaymentDeclined", {
          orderId: order.orderId,
          amount: order.amount,
          reason: outcome.reason,
        });
      }
      entry.announced = true;
      stats.count(outcome.authorized ? "PaymentAuthorized" : "PaymentDeclined");
    },

    /** Compensation: refund a charged order that was cancelled; stop pending retries from charging it. */
    async onOrderCancelled(message) {
      const cancelled = kit.read("OrderCancelled", message);
      if (!cancelled) return;
      const entry = ledger.get(cancelled.orderId);
      if (!entry) {
        ledger.set(cancelled.orderId, "cancelled");
        return;
      }
      if (entry === "cancelled" || !entry.outcome.authorized || entry.refunded) return;
      await publish(message, cancelled.orderId, "PaymentRefunded", {
        orderId: cancelled.orderId,
        paymentId: entry.outcome.paymentId,
        amount: entry.amount,
      });
      entry.refunded = true;
      stats.count("PaymentRefunded");
    },
  };
}
