/**
 * Sign-in with the admin token → an httpOnly, SameSite=Strict session cookie. `POST /api/auth/sign-in`,
 * `POST /api/auth/sign-out`, `GET /api/auth/session`. Tokens and cookies never reach a log line.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { SessionResponse } from "@/lib/api/dlq";
import { AppError } from "@/lib/errors";
import { createAuthService, publishAuth } from "@/server/auth/auth";
import { FailureThrottle } from "@/server/auth/throttle";
import { isSecureRequest, readCookie, readJsonBody, SESSION_COOKIE } from "@/server/auth/request";
import { type Session, SessionStore } from "@/server/auth/sessions";
import { tokenMatches } from "@/server/auth/token";
import type { Feature } from "@/server/feature";
import { sendJson } from "@/server/http/router";

const signInSchema = z.strictObject({
  token: z.string().min(1).max(1024),
  /** Who is signing in, for the audit log and `x-redriven-by`; the token is shared, so this is a label. */
  name: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N} ._@-]{1,64}$/u, "1–64 letters, digits, spaces or . _ @ -")
    .optional(),
});

const DEFAULT_USER = "admin";

function setCookie(req: IncomingMessage, res: ServerResponse, value: string, maxAgeSeconds: number): void {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (isSecureRequest(req)) parts.push("Secure");
  res.setHeader("set-cookie", parts.join("; "));
}

const view = (enabled: boolean, s: Session | null): SessionResponse => ({
  authEnabled: enabled,
  signedIn: s !== null,
  user: s?.user ?? null,
  expiresAt: s?.expiresAt ?? null,
});

export const authFeature: Feature = {
  name: "auth",
  start(ctx) {
    const { router, config } = ctx;
    const adminToken = config.adminToken;
    const enabled = adminToken !== null;
    const sessions = new SessionStore(config.auth.sessionTtlMs);
    const auth = createAuthService({ enabled, sessions, allowedOrigins: config.auth.allowedOrigins });
    const throttle = new FailureThrottle(10, 5 * 60_000);
    publishAuth(ctx, auth);
    const log = ctx.logger.child({ component: "auth" });

    router.get("/api/auth/session", ({ req }) => view(enabled, auth.session(req)));

    router.post("/api/auth/sign-in", async ({ req, res }) => {
      auth.requireSameOrigin(req);
      const client = req.socket.remoteAddress ?? "unknown";
      if (throttle.blocked(client))
        throw new AppError("too_many_requests", "too many failed sign-ins; wait a few minutes");
      const body = await readJsonBody(req, signInSchema);
      if (adminToken === null)
        throw new AppError("unavailable", "sign-in is disabled: this server has no EVENTSCOPE_ADMIN_TOKEN");
      const user = body.name ?? DEFAULT_USER;
      if (!tokenMatches(body.token, adminToken)) {
        throttle.fail(client);
        log.warn({ client }, "sign-in refused: wrong token");
        auth.emit({ action: "auth.sign-in", by: user, outcome: "refused", message: "wrong token" });
        throw new AppError("unauthorized", "that is not the admin token");
      }
      throttle.reset(client);
      const { id, session } = sessions.create(user);
      setCookie(req, res, id, Math.floor(config.auth.sessionTtlMs / 1000));
      log.info({ user }, "signed in");
      auth.emit({ action: "auth.sign-in", by: user, outcome: "succeeded", message: null });
      sendJson(res, 200, view(enabled, session));
    });

    router.post("/api/auth/sign-out", ({ req, res }) => {
      auth.requireSameOrigin(req);
      const id = readCookie(req, SESSION_COOKIE);
      const session = sessions.get(id);
      sessions.delete(id);
      setCookie(req, res, "", 0);
      if (session)
        auth.emit({ action: "auth.sign-out", by: session.user, outcome: "succeeded", message: null });
      sendJson(res, 200, view(enabled, null));
    });

    return { stop: async () => undefined };
  },
};
