/**
 * Derive a dead letter's original topic from the DLQ topic's name, for records whose headers do not name
 * it (`orders.DLQ` → `orders`, `orders-dlt` → `orders`). The UI must say that such an origin was derived.
 */
import { DEFAULT_DLQ_PATTERNS, matchDlqPattern } from "./topic-patterns";
import { isTopicName } from "@/lib/model/topic-name";

export interface NameDerivedOrigin {
  topic: string;
  /** Known only from Spring Cloud Stream's `error.<destination>.<group>` (a pattern's second `*`). */
  consumerGroup: string | null;
  /** The pattern that matched, so the UI can say how the origin was derived. */
  pattern: string;
}

/**
 * The first pattern that matches decides (`orders.DLQ` → `orders`, `error.orders.billing` → `orders` for
 * group `billing`). The first `*` is the topic; a second `*` is the consumer group. The first `*` is
 * greedy so a dotted destination survives: `error.shop.orders.billing` → `shop.orders`, group `billing`
 * (Spring Cloud Stream group names rarely contain dots, destinations often do).
 */
export function originFromDlqName(
  name: string,
  patterns: readonly string[] = DEFAULT_DLQ_PATTERNS,
): NameDerivedOrigin | null {
  for (const pattern of patterns) {
    const captures = matchDlqPattern(name, pattern);
    const topic = captures?.[0];
    if (!captures || !topic || !isTopicName(topic)) continue;
    const consumerGroup = captures.length === 2 ? (captures[1] ?? null) : null;
    return { topic, consumerGroup, pattern };
  }
  return null;
}
