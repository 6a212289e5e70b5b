"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { useNow } from "@/components/traces/use-now";
import { useSession } from "@/components/auth/use-session";
import { ErrorGroups } from "@/components/dlq/error-groups";
import { LetterDrawer } from "@/components/dlq/letter-drawer";
import { LettersTable } from "@/components/dlq/letters-table";
import { LettersToolbar } from "@/components/dlq/letters-toolbar";
import { RedriveDialog, type RedriveSelection } from "@/components/dlq/redrive-dialog";
import { TaskProgress } from "@/components/dlq/task-progress";
import { TopicStats } from "@/components/dlq/topic-stats";
import { matchingSelection } from "@/components/dlq/selection";
import { useSelection } from "@/components/dlq/use-selection";
import { type LettersQuery, useDeadLetters, useDlqTopics, useRedriveTasks } from "@/components/dlq/use-dlq";
import { useDlqLive } from "@/components/dlq/use-dlq-live";
import styles from "@/components/dlq/dlq.module.css";

const RECENT_MS = 10 * 60_000;

/** One DLQ topic: counts, error groups, the letters, and re-driving them. `?letter=` opens one. */
export function TopicView({ topic }: { topic: string }) {
  useDlqLive();
  const now = useNow();
  const params = useSearchParams();
  const linked = params.get("letter");
  const [query, setQuery] = useState<LettersQuery>({ status: "all" });
  const [drawer, setDrawer] = useState<string | null>(linked);
  const [dialog, setDialog] = useState<RedriveSelection | null>(
    linked && params.get("redrive") === "1" ? { ids: [linked] } : null,
  );
  const [dismissed, setDismissed] = useState<string | null>(null);
  const selection = useSelection();
  const session = useSession();
  const signedIn = session.data?.signedIn ?? false;
  const summary = useDlqTopics().data?.topics.find((t) => t.topic === topic);
  const letters = useDeadLetters(topic, query);
  const task = useRedriveTasks(topic).data?.[0];
  const showTask =
    task &&
    task.id !== dismissed &&
    (task.status === "running" || task.status === "cancelling" || now - (task.finishedAt ?? now) < RECENT_MS);
  const onSearch = useCallback(
    (q: string) => setQuery((old) => (old.q === (q || undefined) ? old : { ...old, q: q || undefined })),
    [],
  );

  if (letters.error && !letters.data)
    return (
      <EmptyState title={`Could not load ${topic}`} tone="error" testId="topic-error">
        <p>{letters.error.message}</p>
      </EmptyState>
    );
  const pages = letters.data?.pages ?? [];
  const first = pages[0];
  const rows = pages.flatMap((p) => p.letters);

  return (
    <div className={styles.stack}>
      <TopicStats summary={summary} />
      {showTask ? (
        <TaskProgress task={task} canAct={signedIn} onDismiss={() => setDismissed(task.id)} />
      ) : null}
      {first ? (
        <ErrorGroups
          groups={first.groups}
          total={first.total}
          active={query.errorType}
          onChoose={(errorType) => setQuery({ ...query, errorType })}
        />
      ) : null}
      <LettersToolbar
        status={query.status}
        onStatus={(status) => setQuery({ ...query, status })}
        onSearch={onSearch}
        selectedCount={selection.size}
        matched={first?.matched ?? 0}
        onRedriveSelected={() => setDialog({ ids: [...selection.ids] })}
        onRedriveMatching={() => setDialog(matchingSelection(query))}
        onClearSelection={selection.clear}
      />
      <Panel
        title="Letters"
        meta={first ? `${first.matched.toLocaleString()} of ${first.total.toLocaleString()}` : undefined}
        testId="letters"
      >
        <div className={styles.scroll} data-tall="true">
          {letters.isPending ? <PanelMessage title="Loading letters…" /> : null}
          {first && rows.length === 0 ? (
            <PanelMessage title="No dead letters match" testId="letters-empty" />
          ) : null}
          {rows.length > 0 ? (
            <LettersTable
              letters={rows}
              now={now}
              selected={selection.ids}
              onToggle={selection.toggle}
              onToggleAll={selection.setMany}
              onOpen={setDrawer}
            />
          ) : null}
          {letters.hasNextPage ? (
            <div style={{ padding: 12, textAlign: "center" }}>
              <Button
                onClick={() => void letters.fetchNextPage()}
                disabled={letters.isFetchingNextPage}
                data-testid="letters-more"
              >
                {letters.isFetchingNextPage ? "Loading…" : "Show older letters"}
              </Button>
            </div>
          ) : null}
        </div>
      </Panel>
      {drawer ? (
        <LetterDrawer
          id={drawer}
          onClose={() => setDrawer(null)}
          onRedrive={(id) => setDialog({ ids: [id] })}
        />
      ) : null}
      {dialog ? (
        <RedriveDialog
          topic={topic}
          selection={dialog}
          signedIn={signedIn}
          onClose={() => setDialog(null)}
          onStarted={() => {
            setDialog(null);
            setDrawer(null);
            setDismissed(null);
            selection.clear();
          }}
        />
      ) : null}
    </div>
  );
}
