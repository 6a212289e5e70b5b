"use client";

import type { RedriveTask } from "@/lib/api/dlq";
import { Button } from "@/components/ui/button";
import { useTaskAction } from "@/components/dlq/use-dlq";
import styles from "@/components/dlq/task-progress.module.css";

const label: Record<RedriveTask["status"], string> = {
  running: "Re-driving",
  cancelling: "Cancelling",
  completed: "Re-drive completed",
  cancelled: "Re-drive cancelled",
  failed: "Re-drive failed",
};

/** The task's progress bar, live from the socket, with cancel (running) or resume (stopped early). */
export function TaskProgress({
  task,
  canAct,
  onDismiss,
}: {
  task: RedriveTask;
  canAct: boolean;
  onDismiss: () => void;
}) {
  const action = useTaskAction(task.dlqTopic);
  const done = task.moved + task.skipped + task.failed;
  const percent = task.total === 0 ? 100 : Math.min(100, Math.round((done / task.total) * 100));
  const active = task.status === "running" || task.status === "cancelling";
  return (
    <section
      className={styles.task}
      data-testid="redrive-progress"
      data-status={task.status}
      aria-live="polite"
    >
      <div className={styles.head}>
        <strong data-testid="redrive-status">{label[task.status]}</strong>
        <span className={styles.muted}>
          {task.moved.toLocaleString()} of {task.total.toLocaleString()} sent
          {task.skipped > 0 ? ` · ${task.skipped} already re-driven` : ""}
          {task.failed > 0 ? ` · ${task.failed} failed` : ""} · {task.ratePerSec}/s · by {task.requestedBy}
        </span>
        <span className={styles.actions}>
          {active ? (
            <Button
              onClick={() => action.mutate({ id: task.id, action: "cancel" })}
              disabled={!canAct || task.status === "cancelling" || action.isPending}
              data-testid="redrive-cancel"
            >
              Cancel
            </Button>
          ) : null}
          {!active && task.resumable ? (
            <Button
              onClick={() => action.mutate({ id: task.id, action: "resume" })}
              disabled={!canAct || action.isPending}
              data-testid="redrive-resume"
            >
              Resume
            </Button>
          ) : null}
          {!active ? (
            <Button variant="ghost" onClick={onDismiss} data-testid="redrive-dismiss">
              Dismiss
            </Button>
          ) : null}
        </span>
      </div>
      <div
        className={styles.bar}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={task.total}
        aria-valuenow={done}
        aria-label="Re-drive progress"
      >
        <div className={styles.fill} data-status={task.status} style={{ width: `${percent}%` }} />
      </div>
      {task.error ? <p className={styles.error}>{task.error}</p> : null}
      {action.error ? <p className={styles.error}>{action.error.message}</p> : null}
    </section>
  );
}
