import type { RedriveSelection } from "@/components/dlq/redrive-dialog";
import type { LettersQuery } from "@/components/dlq/use-dlq";

/** "Re-drive all matching": the table's filter as a re-drive filter, and how the dialog names it. */
export function matchingSelection(query: LettersQuery): RedriveSelection {
  const parts = [
    query.errorType !== undefined ? `“${query.errorType || "no error type"}”` : null,
    query.q ? `matching “${query.q}”` : null,
  ].filter(Boolean);
  return {
    filter: {
      ...(query.errorType ? { errorType: query.errorType } : {}),
      ...(query.q ? { text: query.q } : {}),
    },
    label: `all pending letters${parts.length > 0 ? ` ${parts.join(" ")}` : ""}`,
  };
}
