/**
 * Server-side sessions: the cookie carries only a random id; who signed in and until when lives here.
 * Ids are stored hashed, so a heap dump or a log line with the map never shows a usable cookie.
 */
import { createHash, randomBytes } from "node:crypto";

export interface Session {
  user: string;
  createdAt: number;
  expiresAt: number;
}

const MAX_SESSIONS = 1_000;

/** What is stored of a cookie's session id (here and in the shared stores, shared-sessions.ts). */
export const hashSessionId = (id: string) => createHash("sha256").update(id).digest("base64url");

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session; returns the id to put in the cookie (shown nowhere else). */
  create(user: string): { id: string; session: Session } {
    this.sweep();
    // Oldest first in a Map: drop the oldest sessions rather than grow without bound.
    while (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    const id = randomBytes(32).toString("base64url");
    const createdAt = this.now();
    const session = { user, createdAt, expiresAt: createdAt + this.ttlMs };
    this.sessions.set(hashSessionId(id), session);
    return { id, session };
  }

  /** The live session for a cookie value, or null (unknown, expired, or no cookie). */
  get(id: string | null | undefined): Session | null {
    if (!id) return null;
    const key = hashSessionId(id);
    const session = this.sessions.get(key);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(key);
      return null;
    }
    return session;
  }

  delete(id: string | null | undefined): void {
    if (id) this.sessions.delete(hashSessionId(id));
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(key);
  }
}
