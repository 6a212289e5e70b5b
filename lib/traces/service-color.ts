export const DEFAULT_PALETTE_SIZE = 8;

/**
 * A palette index for a service, the same for that name in every trace, on every page load, on server and
 * browser: the 32-bit FNV-1a hash of the name's UTF-16 code units, modulo the palette size. Stable beats
 * distinct here (a service keeps its colour across traces), so two services may share a colour; the
 * waterfall also prints the name. Null (unknown service) has no colour: the UI draws it neutral.
 */
export function serviceColorIndex(
  service: string | null,
  paletteSize: number = DEFAULT_PALETTE_SIZE,
): number | null {
  if (service === null) return null;
  const size = Math.max(1, Math.floor(paletteSize));
  let hash = 0x811c9dc5;
  for (let i = 0; i < service.length; i++) {
    hash = Math.imul(hash ^ service.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash % size;
}
