/**
 * The "Re-drive…" link of a dead-letter hop: the letter's Dead letters URL (as the API gave it) plus
 * `redrive=1`, which asks that page to open its re-drive flow for the letter. Other parameters and a
 * fragment are kept.
 */
export function redriveHref(href: string): string {
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const base = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = base.indexOf("?");
  const path = queryAt >= 0 ? base.slice(0, queryAt) : base;
  const params = new URLSearchParams(queryAt >= 0 ? base.slice(queryAt + 1) : "");
  params.set("redrive", "1");
  return `${path}?${params.toString()}${hash}`;
}
