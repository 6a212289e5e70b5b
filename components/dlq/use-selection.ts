"use client";

import { useCallback, useMemo, useState } from "react";

/** The selected letter ids (UI state, local to the page). */
export function useSelection() {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setIds((old) => {
        const next = new Set(old);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const setMany = useCallback(
    (many: string[], on: boolean) =>
      setIds((old) => {
        const next = new Set(old);
        for (const id of many) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setIds(new Set()), []);
  return useMemo(() => ({ ids, size: ids.size, toggle, setMany, clear }), [ids, toggle, setMany, clear]);
}
