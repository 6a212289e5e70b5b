/**
 * Sign-in with the admin token → an httpOnly, SameSite=Strict session cookie. `POST /api/auth/sign-in`,
 * `POST /api/auth/sign-out`, `GET /api/auth/session`. Tokens and cookies never reach a log line.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionRoute, signInRoute, signOutRoute } from "@/lib/api/auth";
import type { SessionResponse } from "@/lib/api/dlq";
import { AppError } from "@/lib/errors";
import { type AuthService, createAuthService } from "@/server/auth/auth";
import { OneTimeCode } from "@/server/auth/one-time-code";
import { clientKey, SignInThrottle } from "@/server/auth/throttle";
import { isSecureRequest, readCookie, SESSION_COOKIE } from "@/server/auth/request";
import type { Session } from "@/server/auth/sessions";
import { openSessions } from "@/server/auth/shared-sessions";
import { tokenMatches } from "@/server/auth/token";
import type { Feature, ServingFeature } from "@/server/feature";

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

export const authFeature: Feature<object, ServingFeature<AuthService>> = {
  name: "auth",
  async start(ctx) {
    const { router, config } = ctx;
    const adminToken = config.adminToken;
    const enabled = adminToken !== null;
    const log = ctx.logger.child({ component: "auth" });
    const sessions = await openSessions(config, log);
    const auth = createAuthService({ enabled, sessions, allowedOrigins: config.auth.allowedOrigins });
    const throttle = new SignInThrottle();
    const oneTimeCode = new OneTimeCode(config.auth.signInCode);

    router.route(sessionRoute, async ({ req }) => view(enabled, await auth.session(req)));

    router.route(signInRoute, async ({ req, res, body: readBody }) => {
      auth.requireSameOrigin(req);
      const client = clientKey(req.socket.remoteAddress);
      // Counted before the body is awaited, so concurrent guesses cannot all slip past the limit.
      if (!throttle.attempt(client))
        throw new AppError("too_many_requests", "too many sign-in attempts; wait a few minutes");
      const body = await readBody();
      if (adminToken === null)
        throw new AppError("unavailable", "sign-in is disabled: this server has no EVENTSCOPE_ADMIN_TOKEN");
      const user = body.name ?? DEFAULT_USER;
      const ok =
        body.code !== undefined ? oneTimeCode.consume(body.code) : tokenMatches(body.token ?? "", adminToken);
      if (!ok) {
        const why = body.code !== undefined ? "unknown or already used sign-in code" : "wrong token";
        log.warn({ client }, `sign-in refused: ${why}`);
        auth.emit({ action: "auth.sign-in", by: user, outcome: "refused", message: why });
        throw new AppError(
          "unauthorized",
          body.code !== undefined
            ? "that sign-in link was already used or is not valid; sign in with the admin token"
            : "that is not the admin token",
        );
      }
      throttle.succeeded(client);
      const { id, session } = await sessions.create(user);
      setCookie(req, res, id, Math.floor(config.auth.sessionTtlMs / 1000));
      log.info({ user }, "signed in");
      auth.emit({ action: "auth.sign-in", by: user, outcome: "succeeded", message: null });
      return view(enabled, session);
    });

    router.route(signOutRoute, async ({ req, res }) => {
      auth.requireSameOrigin(req);
      const id = readCookie(req, SESSION_COOKIE);
      const session = await sessions.get(id);
      await sessions.delete(id);
      setCookie(req, res, "", 0);
      if (session)
        auth.emit({ action: "auth.sign-out", by: session.user, outcome: "succeeded", message: null });
      return view(enabled, null);
    });

    return { service: auth, stop: () => sessions.close() };
  },
};
