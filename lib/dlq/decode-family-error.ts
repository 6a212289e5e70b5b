/** The error part of one family's headers (see decode-family.ts for which occurrence counts). */
import type { FamilyReader } from "./family-reader";
import type { ErrorHeaders, FamilySpec } from "./header-families";
import type { DeadLetterError } from "./types";

export function decodeFamilyError(
  r: FamilyReader,
  spec: FamilySpec,
): { error: DeadLetterError | null; errorPos: number } {
  // Spring writes either the value- or the key-exception headers; a value failure is the usual case.
  const present = (h: ErrorHeaders) => Object.values(h).some((n) => r.has(n));
  const keyFailure = !present(spec.error) && spec.keyError !== undefined && present(spec.keyError);
  const h = keyFailure && spec.keyError ? spec.keyError : spec.error;
  const detailNames = Object.entries(spec.details ?? {});
  const used = [...Object.values(h), ...detailNames.map(([, name]) => name)];
  const errorPos = Math.max(-1, ...used.map((n) => r.pos(n, "last") ?? -1));
  if (errorPos < 0) return { error: null, errorPos };
  const details: Record<string, string> = {};
  for (const [label, name] of detailNames) {
    const v = r.name(name, "last");
    if (v !== null) details[label] = v;
  }
  const error: DeadLetterError = {
    type: r.name(h.type, "last"),
    causeType: r.name(h.causeType, "last"),
    message: r.text(h.message, "last"),
    stacktrace: r.text(h.stacktrace, "last"),
    keyFailure,
    details,
  };
  return { error, errorPos };
}
