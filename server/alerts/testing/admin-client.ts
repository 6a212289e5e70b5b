/** Signs in to a test app with the admin token and sends same-origin JSON requests with the session. */
export const TEST_ADMIN_TOKEN = "alerts-test-admin-token-0123456789";

export interface AdminClient {
  request(method: "GET" | "PUT", path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export async function signIn(baseUrl: string): Promise<AdminClient> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { origin: baseUrl, "content-type": "application/json" },
    body: JSON.stringify({ token: TEST_ADMIN_TOKEN, name: "on-call" }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed with HTTP ${res.status}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  return {
    async request(method, path, body) {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          origin: baseUrl,
          cookie,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: answer.status, body: await answer.json() };
    },
  };
}
