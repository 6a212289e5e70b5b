/**
 * What every request to the dashboard is checked against before anything answers it: the host allow-list
 * (pages, API, socket handshake), the origins a browser may open the live socket from, and the response
 * headers. Built once from config and shared by the HTTP app and the socket server.
 */
import type { Config } from "@/server/config";
import { HostAllowList } from "@/server/http/host-allow-list";
import { securityHeaders } from "@/server/http/security-headers";

export interface HttpSecurity {
  hosts: HostAllowList;
  /** EVENTSCOPE_ALLOWED_ORIGINS: pages served under another origin (a reverse proxy) that may connect. */
  allowedOrigins: readonly string[];
  headers: Record<string, string>;
}

export function createHttpSecurity(config: Config, options: { dev: boolean }): HttpSecurity {
  return {
    hosts: new HostAllowList(config.http.host, config.http.allowedHosts),
    allowedOrigins: config.auth.allowedOrigins,
    headers: securityHeaders(options.dev),
  };
}
