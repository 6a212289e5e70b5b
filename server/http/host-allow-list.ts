/**
 * DNS-rebinding defence. A hostile page can point its own domain at 127.0.0.1 and then read this
 * dashboard as "same origin" — but the browser still sends *its* name in `Host`. So every request (pages,
 * API and the socket handshake) must name one of the dashboard's own hosts: the bind address, `localhost`,
 * `127.0.0.1`, `[::1]`, plus EVENTSCOPE_ALLOWED_HOSTS (e.g. the name a reverse proxy forwards).
 *
 * An entry without a port matches that name on the port the dashboard listens on, and the bare name (what a
 * browser sends through a proxy on port 80/443); an entry with a port matches exactly that.
 */
import type { IncomingHttpHeaders } from "node:http";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

export type HostVerdict = { ok: true } | { ok: false; host: string };

/** Splits `name[:port]`, IPv6 literals included (`[::1]:3000`). */
function splitHost(host: string): { name: string; port: string | null } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host);
  return match ? { name: match[1] ?? "", port: match[2] ?? null } : { name: host, port: null };
}

/** An IPv6 bind address is written bare in config (`::1`); a Host header writes it in brackets. */
const asHostName = (bind: string) => (bind.includes(":") && !bind.startsWith("[") ? `[${bind}]` : bind);

export class HostAllowList {
  private readonly names: Set<string>;
  private readonly exact: Set<string>;

  constructor(bindHost: string, configured: readonly string[]) {
    const entries = [asHostName(bindHost), ...LOOPBACK_NAMES, ...configured].map((h) => h.toLowerCase());
    this.names = new Set(entries.filter((e) => splitHost(e).port === null));
    this.exact = new Set(entries.filter((e) => splitHost(e).port !== null));
  }

  /** `listeningPort` is read per request: tests listen on port 0 and learn the real one afterwards. */
  check(headers: IncomingHttpHeaders, listeningPort: number): HostVerdict {
    const host = (headers.host ?? "").trim().toLowerCase();
    if (host === "") return { ok: false, host: "" };
    if (this.exact.has(host)) return { ok: true };
    const { name, port } = splitHost(host);
    if (this.names.has(name) && (port === null || port === String(listeningPort))) return { ok: true };
    return { ok: false, host: host.slice(0, 200) };
  }
}
