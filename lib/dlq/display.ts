/** How dead-letter facts read in the UI. Pure, so the rules are unit tested. */
import type { DeadLetterOrigin } from "./types";

/** `org.example.PaymentDeclinedException` → `PaymentDeclinedException`; `Outer$Inner` → `Inner`. */
export function shortTypeName(type: string | null): string {
  if (type === null || type === "") return "no error type";
  return type.slice(Math.max(type.lastIndexOf("."), type.lastIndexOf("$")) + 1) || type;
}

/** "payments", "payments (from the DLQ's name)", or "unknown — pick a target". */
export function describeOrigin(origin: Pick<DeadLetterOrigin, "topic" | "source">): string {
  if (origin.topic === null || origin.source === "unknown") return "unknown — pick a target";
  return origin.source === "derived-from-name" ? `${origin.topic} (from the DLQ's name)` : origin.topic;
}

/** "payments · p0 @ 1234" when the headers name partition and offset. */
export function describeOriginPosition(
  origin: Pick<DeadLetterOrigin, "partition" | "offset">,
): string | null {
  if (origin.partition === null) return null;
  return origin.offset === null ? `p${origin.partition}` : `p${origin.partition} @ ${origin.offset}`;
}
