/** Counts failed sign-ins per client address in a sliding window, so a token cannot be guessed online. */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(client: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(client) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(client);
    else this.failures.set(client, list);
    return list;
  }

  blocked(client: string): boolean {
    return this.recent(client).length >= this.limit;
  }

  fail(client: string): void {
    this.failures.set(client, [...this.recent(client), this.now()]);
    if (this.failures.size > 10_000) this.failures.clear();
  }

  reset(client: string): void {
    this.failures.delete(client);
  }
}
