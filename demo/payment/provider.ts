/** A stand-in for the payment provider the payment-service calls: it can decline, and it can be down. */
import { randomUUID } from "node:crypto";

/** The provider did not answer: worth trying again later (unlike a decline, which is an answer). */
export class PaymentProviderUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentProviderUnavailable";
  }
}

export type Authorization = { authorized: true; paymentId: string } | { authorized: false; reason: string };

export interface ProviderSettings {
  outage: boolean;
  declineAboveAmount: number;
}

export function authorizePayment(amount: number, settings: ProviderSettings): Authorization {
  if (settings.outage) {
    throw new PaymentProviderUnavailable(
      "payment provider unavailable (injected outage): connection refused",
    );
  }
  if (amount > settings.declineAboveAmount) {
    return {
      authorized: false,
      reason: `amount ${amount} exceeds the limit of ${settings.declineAboveAmount}`,
    };
  }
  return { authorized: true, paymentId: `pay-${randomUUID()}` };
}
