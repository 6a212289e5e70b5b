"use client";

import Link from "next/link";
import { useState } from "react";
import type { RedriveTask } from "@/lib/api/dlq";
import { DEFAULT_REDRIVE_RATE_PER_SEC, type RedriveFilter } from "@/lib/dlq";
import { Button } from "@/components/ui/button";
import { PanelMessage } from "@/components/ui/panel";
import { DryRunSummary, planBlocked } from "@/components/dlq/dry-run-summary";
import { Overlay } from "@/components/dlq/overlay";
import { useDryRun, useStartRedrive } from "@/components/dlq/use-dlq";
import styles from "@/components/dlq/dlq.module.css";

export type RedriveSelection = { ids: string[] } | { filter: RedriveFilter; label: string };

/** Confirms a re-drive: shows the dry run for the chosen options, then starts the task. */
export function RedriveDialog({
  topic,
  selection,
  signedIn,
  onClose,
  onStarted,
}: {
  topic: string;
  selection: RedriveSelection;
  signedIn: boolean;
  onClose: () => void;
  onStarted: (task: RedriveTask) => void;
}) {
  const [target, setTarget] = useState("");
  const [rate, setRate] = useState(DEFAULT_REDRIVE_RATE_PER_SEC);
  const [force, setForce] = useState(false);
  const byIds = "ids" in selection;
  const request = {
    ...(byIds ? { ids: selection.ids } : { filter: selection.filter }),
    ...(target.trim() ? { target: target.trim() } : {}),
    ratePerSec: rate,
    force,
  };
  const dry = useDryRun(topic, signedIn ? request : null);
  const start = useStartRedrive(topic);
  const plan = dry.data?.plan;
  const blocked = !plan || planBlocked(plan, byIds, force) || dry.isFetching;
  const confirm = () => start.mutate(request, { onSuccess: ({ task }) => onStarted(task) });
  const what = byIds
    ? `${selection.ids.length} selected letter${selection.ids.length === 1 ? "" : "s"}`
    : selection.label;

  return (
    <Overlay
      kind="dialog"
      title={`Re-drive ${what}`}
      onClose={onClose}
      testId="redrive-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!signedIn || blocked || start.isPending}
            onClick={confirm}
            data-testid="redrive-confirm"
          >
            {start.isPending ? "Starting…" : `Re-drive ${plan ? plan.toSend.toLocaleString() : ""}`}
          </Button>
        </>
      }
    >
      {!signedIn ? (
        <div className={styles.notice} data-tone="warn" data-testid="redrive-sign-in">
          Re-driving changes your system:{" "}
          <Link href={`/sign-in?next=/dlq/${encodeURIComponent(topic)}`}>sign in</Link> with the admin token
          first.
        </div>
      ) : (
        <div className={styles.stack}>
          <div className={styles.row}>
            <label className={styles.row}>
              Target topic
              <input
                className={`${styles.input} ${styles.mono}`}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                placeholder="each letter's origin"
                data-testid="redrive-target"
                data-autofocus
              />
            </label>
            <label className={styles.row}>
              Rate
              <input
                className={styles.input}
                type="number"
                min={1}
                max={10000}
                value={rate}
                onChange={(e) => setRate(Math.min(10_000, Math.max(1, Number(e.target.value) || 1)))}
                style={{ width: 90 }}
                data-testid="redrive-rate"
              />
              /s
            </label>
            <label className={styles.row}>
              <input
                type="checkbox"
                checked={force}
                onChange={(e) => setForce(e.target.checked)}
                data-testid="redrive-force"
              />
              Force letters already re-driven
            </label>
          </div>
          {dry.isPending ? <PanelMessage title="Dry run…" /> : null}
          {dry.error ? (
            <div className={styles.notice} data-tone="err">
              {dry.error.message}
            </div>
          ) : null}
          {plan ? <DryRunSummary plan={plan} force={force} /> : null}
          {start.error ? (
            <div className={styles.notice} data-tone="err" data-testid="redrive-error">
              {start.error.message}
            </div>
          ) : null}
        </div>
      )}
    </Overlay>
  );
}
