/**
 * Stock levels and reservations, one reservation per order. Reserving is all-or-nothing across an
 * order's items. When a product runs out, a (simulated) supplier delivery restocks it, so the shop
 * never stays sold out for good.
 */
import { randomUUID } from "node:crypto";
import { BoundedMap } from "../bounded-map";
import type { Product } from "../catalog";
import type { LineItem } from "../contracts";

export type Reservation =
  | { reserved: true; reservationId: string; items: LineItem[]; released: boolean }
  | { reserved: false; sku: string; requested: number; available: number };

export class Stock {
  readonly #levels = new Map<string, number>();
  readonly #initial = new Map<string, number>();
  readonly #byOrder = new BoundedMap<string, Reservation>(100_000);

  constructor(products: readonly Product[]) {
    for (const p of products) {
      this.#levels.set(p.sku, p.initialStock);
      this.#initial.set(p.sku, p.initialStock);
    }
  }

  /** The order's reservation outcome, if it was already decided (redelivery, re-drive). */
  outcome(orderId: string): Reservation | undefined {
    return this.#byOrder.get(orderId);
  }

  reserve(orderId: string, items: LineItem[]): Reservation {
    const short = items.find((item) => (this.#levels.get(item.sku) ?? 0) < item.qty);
    let outcome: Reservation;
    if (short) {
      const available = this.#levels.get(short.sku) ?? 0;
      outcome = { reserved: false, sku: short.sku, requested: short.qty, available };
      const restock = this.#initial.get(short.sku);
      if (restock !== undefined) this.#levels.set(short.sku, restock); // unknown SKUs never arrive
    } else {
      for (const item of items) this.#levels.set(item.sku, (this.#levels.get(item.sku) ?? 0) - item.qty);
      outcome = { reserved: true, reservationId: `res-${randomUUID()}`, items, released: false };
    }
    this.#byOrder.set(orderId, outcome);
    return outcome;
  }

  /** The reservation a cancelled order still holds, if any. */
  releasable(orderId: string): Extract<Reservation, { reserved: true }> | undefined {
    const outcome = this.#byOrder.get(orderId);
    return outcome?.reserved && !outcome.released ? outcome : undefined;
  }

  /** Puts a cancelled order's items back (once). */
  release(orderId: string): void {
    const outcome = this.releasable(orderId);
    if (!outcome) return;
    for (const item of outcome.items)
      this.#levels.set(item.sku, (this.#levels.get(item.sku) ?? 0) + item.qty);
    outcome.released = true;
  }
}
