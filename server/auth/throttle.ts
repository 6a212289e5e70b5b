/**
 * Bounds online guessing of the admin token. Every sign-in *attempt* is counted the moment it arrives —
 * before its body is read — so a burst of concurrent guesses cannot all pass a check made before any of
 * them failed. Attempts are counted per client and, because there is one token to guess, for the whole
 * server as well: spreading guesses over many addresses does not multiply the rate. A successful sign-in
 * forgets its client's attempts.
 *
 * The number of clients remembered is capped; past it the least recently seen client is forgotten, never
 * all of them (clearing everything would hand a guesser a fresh budget on demand).
 */
import { isIPv6 } from "node:net";

export interface ThrottleLimits {
  perClient: number;
  global: number;
  windowMs: number;
  maxClients: number;
}

export const SIGN_IN_LIMITS: ThrottleLimits = {
  perClient: 10,
  global: 100,
  windowMs: 5 * 60_000,
  maxClients: 10_000,
};

/**
 * The key a client is counted under: its IPv4 address (also when written IPv4-mapped, `::ffff:1.2.3.4`),
 * or the /64 prefix of its IPv6 address — one host usually owns a whole /64 and could rotate within it.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export class SignInThrottle {
  private readonly clients = new Map<string, number[]>();
  private everyone: number[] = [];

  constructor(
    private readonly limits: ThrottleLimits = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(list: readonly number[]): number[] {
    const since = this.now() - this.limits.windowMs;
    return list.filter((t) => t > since);
  }

  /** Counts an attempt by `client`; false (and not counted) when it or the server is over its limit. */
  attempt(client: string): boolean {
    const mine = this.recent(this.clients.get(client) ?? []);
    this.everyone = this.recent(this.everyone);
    if (mine.length >= this.limits.perClient || this.everyone.length >= this.limits.global) return false;
    const at = this.now();
    mine.push(at);
    this.everyone.push(at);
    // Re-inserted so the Map's order stays least-recently-seen first.
    this.clients.delete(client);
    this.clients.set(client, mine);
    while (this.clients.size > this.limits.maxClients) {
      const oldest = this.clients.keys().next().value;
      if (oldest === undefined) break;
      this.clients.delete(oldest);
    }
    return true;
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }

  get size(): number {
    return this.clients.size;
  }
}
