/**
 * Which consumer group made a retry or dead-letter copy of a record: the group that gave up on it. Kafka
 * does not record who produced a record, and the copy's own producer headers are the original's (they
 * are copied), so when the dead letter does not name its group the answer comes from who read the
 * original: the one group reading it, or with several the one whose name starts most like the copy's
 * topic (`payment-service` → `payments.retry.1`, `payments.DLQ`). On a tie it is not known: null.
 */
export function groupThatGaveUp(groups: readonly string[], copyTopic: string): string | null {
  if (groups.length <= 1) return groups[0] ?? null;
  const shared = groups.map((g) => {
    let n = 0;
    while (n < g.length && g[n] === copyTopic[n]) n++;
    return n;
  });
  const best = Math.max(...shared);
  return shared.filter((n) => n === best).length === 1 ? groups[shared.indexOf(best)]! : null;
}
