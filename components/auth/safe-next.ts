/**
 * Where to go after signing in: only a page of this dashboard, never another site. The `next` value is
 * resolved the way the browser will resolve it — so `//evil.example`, `/\evil.example` (browsers read a
 * backslash as a slash) and `/\t/evil.example` (tabs and newlines are dropped) are all seen as the other
 * host they are — and accepted only when it stays on `origin`.
 */
const FALLBACK = "/dlq";

export function safeNext(next: string | null, origin: string): string {
  if (!next?.startsWith("/")) return FALLBACK;
  let target: URL;
  try {
    target = new URL(next, origin);
  } catch {
    return FALLBACK;
  }
  if (target.origin !== origin) return FALLBACK;
  return `${target.pathname}${target.search}${target.hash}`;
}
