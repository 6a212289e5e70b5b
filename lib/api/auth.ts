/** Sign-in with the admin token (or a one-time code) → a session cookie; the session as the UI sees it. */
import { z } from "zod";
import { defineRoute, typedResponse } from "@/lib/api/contract";
import type { SessionResponse } from "@/lib/api/dlq";

export const signInBodySchema = z
  .strictObject({
    /** The admin token itself, or a one-time sign-in code (the link `npm run demo` prints). */
    token: z.string().min(1).max(1024).optional(),
    code: z.string().min(1).max(1024).optional(),
    /** Who is signing in, for the audit log and `x-redriven-by`; the token is shared, so this is a label. */
    name: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N} ._@-]{1,64}$/u, "1–64 letters, digits, spaces or . _ @ -")
      .optional(),
  })
  .refine((b) => (b.token === undefined) !== (b.code === undefined), "send either token or code");

const session = typedResponse<SessionResponse>("The session (httpOnly cookie set or cleared)");

export const sessionRoute = defineRoute({
  method: "GET",
  path: "/api/auth/session",
  summary: "Whether sign-in is enabled and who is signed in",
  response: session,
});

export const signInRoute = defineRoute({
  method: "POST",
  path: "/api/auth/sign-in",
  summary: "Sign in with the admin token or a one-time code (same Origin; throttled)",
  body: signInBodySchema,
  response: session,
});

export const signOutRoute = defineRoute({
  method: "POST",
  path: "/api/auth/sign-out",
  summary: "Sign out (same Origin)",
  response: session,
});
