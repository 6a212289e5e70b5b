/** Plausible shop traffic: a few hundred returning customers, one to three products per order. */
import { randomUUID } from "node:crypto";
import { catalog } from "../catalog";

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/** Share of orders far above the payment limit, which the payment-service declines. */
const BIG_SPENDER_SHARE = 0.03;

export function randomOrder(): { customerId: string; items: { sku: string; qty: number }[]; amount: number } {
  const products = [...new Set(Array.from({ length: between(1, 3) }, () => pick(catalog)))];
  const items = products.map((p) => ({ sku: p.sku, qty: between(1, 3) }));
  const total = items.reduce((sum, item, i) => sum + item.qty * (products[i]?.price ?? 0), 0);
  const amount = Math.random() < BIG_SPENDER_SHARE ? total + 5_000 : total;
  return { customerId: `cust-${between(1, 500)}`, items, amount: Math.round(amount * 100) / 100 };
}

const names = ["Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Radia", "Alan", "Frances"];

export function randomUser(): { name: string; email: string } {
  const name = pick(names);
  return { name, email: `${name.toLowerCase()}.${randomUUID().slice(0, 8)}@example.com` };
}
