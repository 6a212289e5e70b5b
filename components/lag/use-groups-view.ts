"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { type GroupsView, readView, writeView } from "@/components/lag/groups-model";

/**
 * The groups table's view (filter and sort), kept in the URL so it can be linked. Next syncs a
 * `history.replaceState` into `useSearchParams` only on a later render; until then the view just written
 * is shown, so a checkbox or sort arrow never flips back for a moment. Derived during render: once the URL
 * has changed, the overlay no longer applies.
 */
export function useGroupsView(): [GroupsView, (next: GroupsView) => void] {
  const pathname = usePathname();
  const urlQuery = useSearchParams().toString();
  const [written, setWritten] = useState<{ over: string; query: string } | null>(null);
  const query = written !== null && written.over === urlQuery ? written.query : urlQuery;

  const setView = (next: GroupsView) => {
    const nextQuery = writeView(next);
    setWritten({ over: urlQuery, query: nextQuery });
    window.history.replaceState(null, "", nextQuery ? `${pathname}?${nextQuery}` : pathname);
  };
  return [readView(new URLSearchParams(query)), setView];
}
