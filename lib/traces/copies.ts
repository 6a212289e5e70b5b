import { groupThatGaveUp } from "./gave-up";
import type { TraceHop } from "./types";

/**
 * Sets `copy` on every hop that copies an earlier record of the trace (same message id, or a dead letter
 * whose headers name its origin): a retry or dead-letter copy is the work of the consumer group that gave
 * up on the record it copies — named by the dead letter itself when it says (`deadLetterGroups`, decoded
 * from its headers), else the group known to have read that record (./gave-up). The copy's service header
 * is copied from the original, so the original producer is the service of the first record of the chain.
 * A copy out of a dead-letter topic onto a live one is a re-drive: no group gave up on anything there.
 * Assumes `hops` are freshly built for this trace (it updates them in place).
 */
export function attributeCopies(
  hops: readonly TraceHop[],
  deadLetterGroups: ReadonlyMap<string, string> = new Map(),
): void {
  const byId = new Map(hops.map((h) => [h.id, h]));
  const isCopy = (h: TraceHop) => h.parentVia === "copy" || h.parentVia === "dead-letter-origin";
  for (const hop of hops) {
    const parent = hop.parentId === null ? undefined : byId.get(hop.parentId);
    if (!parent || !isCopy(hop)) continue;
    let original = parent;
    while (isCopy(original)) {
      const up = byId.get(original.parentId ?? "");
      if (!up) break;
      original = up;
    }
    const originalProducer = original.service;
    if (parent.deadLetter && !hop.deadLetter) {
      hop.copy = { kind: "redrive", gaveUpGroup: null, groupFrom: null, originalProducer };
      continue;
    }
    const kind = hop.deadLetter ? "dead-letter" : "retry";
    const named = deadLetterGroups.get(hop.id);
    const read = parent.consumers.flatMap((c) => (c.group === null ? [] : [c.group]));
    const guessed = named === undefined ? groupThatGaveUp([...new Set(read)], hop.topic) : null;
    hop.copy = {
      kind,
      gaveUpGroup: named ?? guessed,
      groupFrom: named !== undefined ? "dead-letter" : guessed !== null ? "consumer-of-original" : null,
      originalProducer,
    };
  }
}
