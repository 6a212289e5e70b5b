/**
 * Headers every response carries, pages and API alike.
 *
 * The CSP allows inline scripts because Next.js App Router streams its page data as inline
 * `<script>self.__next_f.push(…)</script>` tags, and statically prerendered pages cannot carry a
 * per-request nonce. Everything else is locked down: scripts, styles and connections only from this
 * origin (`connect-src 'self'` covers the same-origin socket.io WebSocket), no plugins, no `<base>`
 * hijack, forms post only here, and no other site may frame the dashboard (clickjacking on re-drive).
 * Next's development server additionally needs `eval` for hot reload.
 */
import type { ServerResponse } from "node:http";

export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    // React's `style` attributes and Next's inlined critical CSS.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(dev: boolean): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(dev),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    // Dashboard URLs name topics, groups and trace ids: never send them to another site.
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    // Another site may not even load API JSON as a no-cors subresource.
    "cross-origin-resource-policy": "same-origin",
  };
}

export function applySecurityHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
