/** One JSON POST with a deadline; any answer other than 2xx is a failure worth retrying. */
export async function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
    redirect: "error",
  });
  // Drain the body so the connection can be reused.
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
}

/** Where a notification goes, for log lines: scheme, host and port only (webhook paths often hold a secret). */
export function safeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return "(invalid URL)";
  }
}
