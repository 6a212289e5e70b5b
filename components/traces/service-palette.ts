/**
 * Service colours: `serviceColorIndex` (lib/traces) picks a stable slot per service name; the slots are the
 * CSS variables `--svc-0` … `--svc-7` of palette.module.css, tuned separately for light and dark. Unknown
 * services (null) are drawn in a neutral grey.
 */
import { serviceColorIndex } from "@/lib/traces";

/** Must match the number of `--svc-N` variables in palette.module.css. */
export const PALETTE_SIZE = 8;

export const serviceColorVar = (index: number | null): string =>
  index === null ? "var(--svc-unknown)" : `var(--svc-${index % PALETTE_SIZE})`;

export const colorOfService = (service: string | null): string =>
  serviceColorVar(serviceColorIndex(service, PALETTE_SIZE));
