"use client";

import { useMemo, useState } from "react";
import { type StitchedTrace, waterfallRows } from "@/lib/traces";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { consumersByHop } from "@/components/traces/consumer-names";
import { PALETTE_SIZE } from "@/components/traces/service-palette";
import { Waterfall } from "@/components/traces/waterfall";
import { WaterfallLegend } from "@/components/traces/waterfall-legend";
import styles from "@/components/traces/waterfall.module.css";

const noneCollapsed: ReadonlySet<string> = new Set();

/**
 * The waterfall with its controls. Which hops are folded is UI state kept here by hop id, so it survives
 * the trace growing; the rows themselves come from the pure `waterfallRows` (lib/traces).
 */
export function WaterfallPanel({
  trace,
  deadLetterLinks,
  selectedId,
  onSelect,
}: {
  trace: StitchedTrace;
  deadLetterLinks: Record<string, string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(noneCollapsed);
  const waterfall = useMemo(
    () => waterfallRows(trace, { collapsed, paletteSize: PALETTE_SIZE, tickCount: 6 }),
    [trace, collapsed],
  );
  const consumers = useMemo(() => consumersByHop(trace), [trace]);
  const parents = useMemo(() => trace.hops.filter((h) => h.childIds.length > 0).map((h) => h.id), [trace]);

  const setFolded = (id: string, folded: boolean) =>
    setCollapsed((current) => {
      if (current.has(id) === folded) return current;
      const next = new Set(current);
      if (folded) next.add(id);
      else next.delete(id);
      return next;
    });

  const shown = waterfall.rows.length;
  const total = trace.hops.length;
  return (
    <Panel
      title="Waterfall"
      meta={shown === total ? `${total} hops` : `${shown} of ${total} hops shown`}
      actions={
        <>
          <WaterfallLegend />
          <Button
            variant="ghost"
            onClick={() => setCollapsed(noneCollapsed)}
            disabled={collapsed.size === 0}
            data-testid="waterfall-expand-all"
          >
            Expand all
          </Button>
          <Button
            variant="ghost"
            onClick={() => setCollapsed(new Set(parents))}
            disabled={parents.length === 0}
            data-testid="waterfall-collapse-all"
          >
            Collapse all
          </Button>
        </>
      }
      className={styles.panel}
      testId="waterfall-panel"
    >
      <Waterfall
        waterfall={waterfall}
        deadLetterLinks={deadLetterLinks}
        consumers={consumers}
        selectedId={selectedId}
        onSelect={onSelect}
        onFold={setFolded}
      />
    </Panel>
  );
}
