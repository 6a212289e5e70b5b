/**
 * One memory budget, in bytes, for the dead letters of every DLQ topic together: a company can have
 * hundreds of DLQ topics, so a bound per topic alone does not bound the process. When the letters held
 * exceed the budget, the oldest letter of all topics is dropped first (its topic is then reported as
 * windowed); the letters stay in Kafka, only this copy is let go.
 */

/** What the budget needs from a topic's letters. */
export interface BudgetedLetters {
  /** Timestamp of the oldest letter held, or null when none. */
  oldestTimestamp(): number | null;
  /** Drops the oldest letter held; returns its bytes (0 when none). */
  dropOldest(): number;
}

export class LetterBudget {
  private readonly members = new Set<BudgetedLetters>();
  private held = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.held;
  }

  join(letters: BudgetedLetters): void {
    this.members.add(letters);
  }

  /** A topic whose letters are let go as a whole (it stopped being read) gives their bytes back. */
  leave(letters: BudgetedLetters, bytes: number): void {
    if (this.members.delete(letters)) this.held = Math.max(0, this.held - bytes);
  }

  added(bytes: number): void {
    this.held += bytes;
    while (this.held > this.maxBytes) {
      const oldest = this.oldestMember();
      if (!oldest) break;
      this.held -= oldest.dropOldest();
    }
  }

  /** Letters dropped by their own topic's count bound. */
  removed(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
  }

  private oldestMember(): BudgetedLetters | null {
    let best: BudgetedLetters | null = null;
    let bestAt = Infinity;
    for (const m of this.members) {
      const at = m.oldestTimestamp();
      if (at !== null && at < bestAt) [best, bestAt] = [m, at];
    }
    return best;
  }
}
