/**
 * The auth service other features use: `requireAdmin` guards every mutating route. Read-only requests
 * need nothing. Offered to the features that need it by the auth feature (auth-feature.ts).
 */
import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors";
import { checkOrigin } from "@/server/auth/origin";
import { readCookie, SESSION_COOKIE } from "@/server/auth/request";
import type { Session } from "@/server/auth/sessions";
import type { Sessions } from "@/server/auth/shared-sessions";

export interface Principal {
  user: string;
}

export interface AuthEvent {
  action: "auth.sign-in" | "auth.sign-out";
  by: string;
  outcome: "succeeded" | "refused";
  message: string | null;
}

export interface AuthService {
  /** False when EVENTSCOPE_ADMIN_TOKEN is unset: nobody can sign in, every mutation is refused. */
  readonly enabled: boolean;
  /** 403 unless the request comes from the dashboard's own origin. */
  requireSameOrigin(req: IncomingMessage): void;
  /** Origin check (403), then a live session (401); returns who is asking. */
  requireAdmin(req: IncomingMessage): Promise<Principal>;
  session(req: IncomingMessage): Promise<Session | null>;
  /** Sign-in and sign-out events, for the audit log. */
  onEvent(listener: (event: AuthEvent) => void): () => void;
  emit(event: AuthEvent): void;
}

export function createAuthService(opts: {
  enabled: boolean;
  sessions: Sessions;
  allowedOrigins: readonly string[];
}): AuthService {
  const listeners = new Set<(e: AuthEvent) => void>();
  const service: AuthService = {
    enabled: opts.enabled,
    requireSameOrigin(req) {
      const verdict = checkOrigin(req.headers, opts.allowedOrigins);
      if (verdict.ok) return;
      const why =
        verdict.reason === "missing"
          ? "the request has neither an Origin nor a Referer header"
          : `origin ${verdict.origin ?? "?"} is not this dashboard`;
      throw new AppError("forbidden", `cross-origin request refused: ${why}`);
    },
    async requireAdmin(req) {
      service.requireSameOrigin(req);
      if (!opts.enabled)
        throw new AppError(
          "unauthorized",
          "this dashboard is read-only: start it with EVENTSCOPE_ADMIN_TOKEN to allow re-drives",
        );
      const session = await service.session(req);
      if (!session) throw new AppError("unauthorized", "sign in to do this (your session may have expired)");
      return { user: session.user };
    },
    session: (req) => opts.sessions.get(readCookie(req, SESSION_COOKIE)),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of listeners) l(event);
    },
  };
  return service;
}
