/**
 * Tells when a consumer has read everything there was to read. kafkajs fetches from each broker in
 * cycles — fetch, hand every batch to eachBatch, fetch again — and never shows a partition with nothing
 * new, so "caught up" cannot be read off the batches alone. Instead: a broker's cycle is clean when no
 * batch handled during it left records behind (offset lag 0, no seek, not cut short); the consumer is
 * caught up once the last completed cycle of every broker it fetches from was clean. Batches are not
 * told apart by broker, so a lagging batch spoils every cycle open at that time: never "caught up" early.
 */
export class FetchCycles {
  /** Increases on every event, so "after" is exact even within one millisecond. */
  private seq = 0;
  private laggingAt = -1;
  /** Broker → when its last fetch came back (its batches are being handled until its next fetch starts). */
  private readonly fetchedAt = new Map<number, number>();
  private readonly brokers = new Set<number>();
  private readonly clean = new Set<number>();

  /** A new group generation: cycles before it say nothing about the partitions assigned now. */
  reset(): void {
    this.fetchedAt.clear();
    this.brokers.clear();
    this.clean.clear();
  }

  /** kafkajs' FETCH: a fetch from `broker` came back; its batches are handled next. */
  fetched(broker: number): void {
    this.brokers.add(broker);
    this.fetchedAt.set(broker, ++this.seq);
  }

  /** A batch was handled and left records of its partition unread (or was dropped to seek elsewhere). */
  lagging(): void {
    this.laggingAt = ++this.seq;
    this.clean.clear();
  }

  /**
   * kafkajs' FETCH_START: `broker`'s previous cycle is over. Returns true when every broker's last cycle
   * was clean, i.e. the consumer has read up to the end of every partition it was given.
   */
  fetchStarting(broker: number): boolean {
    const fetchedAt = this.fetchedAt.get(broker);
    this.fetchedAt.delete(broker);
    if (fetchedAt === undefined) return false;
    if (fetchedAt > this.laggingAt) this.clean.add(broker);
    else this.clean.delete(broker);
    return this.brokers.size > 0 && [...this.brokers].every((b) => this.clean.has(b));
  }
}
