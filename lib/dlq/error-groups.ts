/** Groups dead letters by error type for the topic page ("37 × PaymentDeclinedException"). */

export interface GroupableLetter {
  error: { type: string | null; message: string | null };
  redriven: unknown;
}

export interface LetterGroup {
  errorType: string | null;
  count: number;
  pending: number;
  sampleMessage: string | null;
}

/** Largest group first; letters without an error type form one group (errorType null), listed last on ties. */
export function groupByErrorType(letters: Iterable<GroupableLetter>): LetterGroup[] {
  const groups = new Map<string | null, LetterGroup>();
  for (const l of letters) {
    const type = l.error.type;
    let g = groups.get(type);
    if (!g) {
      g = { errorType: type, count: 0, pending: 0, sampleMessage: l.error.message };
      groups.set(type, g);
    }
    g.count += 1;
    if (l.redriven === null || l.redriven === undefined) g.pending += 1;
    g.sampleMessage ??= l.error.message;
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.count - a.count ||
      (a.errorType === null ? 1 : 0) - (b.errorType === null ? 1 : 0) ||
      (a.errorType ?? "").localeCompare(b.errorType ?? ""),
  );
}
