"use client";

import { useCallback, useState } from "react";
import type { TailEvent } from "@/lib/api/events";
import { isEmptyFilter } from "@/lib/events/match-filter";
import { Button } from "@/components/ui/button";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { EventDrawer } from "@/components/events/event-drawer";
import { TailPauseButton, TailStatus } from "@/components/events/tail-controls";
import { TailFilterBar } from "@/components/events/tail-filter-bar";
import { TailTable } from "@/components/events/tail-table";
import { useEventFilter } from "@/components/events/use-event-filter";
import { useFilterOptions } from "@/components/events/use-filter-options";
import { useLiveTail } from "@/components/events/use-live-tail";
import { usePauseShortcut } from "@/components/events/use-pause-shortcut";
import styles from "@/components/events/tail.module.css";

const noRows: TailEvent[] = [];

/** Puts focus back on the row the drawer was opened from (or the list, if that row scrolled away). */
function focusRow(id: string) {
  const rows = document.querySelectorAll<HTMLElement>('[data-testid="tail-row"]');
  const row = [...rows].find((r) => r.dataset.eventId === id);
  (row ?? document.querySelector<HTMLElement>('[data-testid="tail-list"]'))?.focus();
}

/** The live event tail: filter bar, virtualised rows newest first, pause/resume, and the event drawer. */
export function TailPanel({ className }: { className?: string }) {
  const { filter, updateFilter } = useEventFilter();
  const tail = useLiveTail(filter);
  const rows = tail.state?.rows ?? noRows;
  const options = useFilterOptions(filter, tail.state?.choices);
  // Which event the drawer shows is UI state; the event itself comes from the cache.
  const [openId, setOpenId] = useState<string | null>(null);

  const { pause, resume, hold, release } = tail;
  const paused = tail.state?.paused ?? false;
  const toggle = useCallback(() => (paused ? resume() : pause()), [paused, pause, resume]);
  usePauseShortcut(tail.state ? toggle : null);

  const open = useCallback((event: TailEvent) => setOpenId(event.id), []);
  const onPointerHold = useCallback((holding: boolean) => (holding ? hold() : release()), [hold, release]);
  const close = useCallback(() => {
    if (openId) requestAnimationFrame(() => focusRow(openId));
    setOpenId(null);
  }, [openId]);

  let body;
  if (rows.length > 0)
    body = (
      <TailTable rows={rows} dlqTopics={options.dlqTopics} onOpen={open} onPointerHold={onPointerHold} />
    );
  else if (tail.error)
    body = (
      <PanelMessage title="Could not load recent events" tone="error" testId="tail-error">
        {tail.error.message}
      </PanelMessage>
    );
  else if (tail.isLoading)
    body = (
      <div className={styles.loading}>
        <Skeleton rows={6} />
      </div>
    );
  else if (!isEmptyFilter(filter))
    body = (
      <PanelMessage title="No events match this filter" testId="tail-empty">
        New matching events appear here as they arrive.{" "}
        <Button
          variant="ghost"
          onClick={() =>
            updateFilter({ topic: undefined, service: undefined, type: undefined, q: undefined })
          }
        >
          Clear the filter
        </Button>
      </PanelMessage>
    );
  else
    body = (
      <PanelMessage title="No events in the last hour — is anything producing?" testId="tail-empty">
        Events show up here the moment Eventscope reads them from Kafka.
      </PanelMessage>
    );

  return (
    <Panel
      title="Live events"
      meta={<TailStatus state={tail.state} refusal={tail.refusal} />}
      actions={<TailPauseButton state={tail.state} onPause={pause} onResume={resume} />}
      testId="tail-panel"
      className={className}
    >
      <TailFilterBar filter={filter} options={options} onChange={updateFilter} />
      {body}
      {openId ? (
        <EventDrawer id={openId} preview={rows.find((e) => e.id === openId)} onClose={close} />
      ) : null}
    </Panel>
  );
}
