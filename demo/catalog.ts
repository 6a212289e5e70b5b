/**
 * What the shop sells: the load generator picks from it, and inventory-service starts with this stock.
 * The limited edition runs out now and then, so OutOfStock → OrderCancelled → refund shows up in
 * normal traffic, not only when someone injects a failure.
 */
export interface Product {
  sku: string;
  price: number;
  initialStock: number;
}

export const catalog: readonly Product[] = [
  { sku: "sku-espresso-beans", price: 14.5, initialStock: 5_000 },
  { sku: "sku-pour-over-kettle", price: 39, initialStock: 5_000 },
  { sku: "sku-ceramic-mug", price: 9.9, initialStock: 5_000 },
  { sku: "sku-burr-grinder", price: 129, initialStock: 5_000 },
  { sku: "sku-paper-filters", price: 4.2, initialStock: 5_000 },
  { sku: "sku-limited-edition-vinyl", price: 45, initialStock: 20 },
];
