/** Each item with the one after it, in order: [a, b], [b, c], … (empty for fewer than two items). */
export function consecutivePairs<T>(items: readonly T[]): Array<readonly [T, T]> {
  const pairs: Array<readonly [T, T]> = [];
  for (let i = 1; i < items.length; i += 1) {
    const before = items[i - 1];
    const after = items[i];
    if (before !== undefined && after !== undefined) pairs.push([before, after]);
  }
  return pairs;
}
