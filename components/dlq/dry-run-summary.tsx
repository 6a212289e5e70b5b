import type { RedrivePlan } from "@/lib/api/dlq";
import styles from "@/components/dlq/dlq.module.css";

/** What the dry run found: where the letters would go and what stands in the way. Sends nothing. */
export function DryRunSummary({ plan, force }: { plan: RedrivePlan; force: boolean }) {
  return (
    <div className={styles.stack} data-testid="dry-run" data-to-send={plan.toSend}>
      <p style={{ margin: 0 }}>
        <strong data-testid="dry-run-count">{plan.toSend.toLocaleString()}</strong> of{" "}
        {plan.selected.toLocaleString()} selected letter{plan.selected === 1 ? "" : "s"} would be sent
        {plan.toSend > 0
          ? ` in about ${Math.max(1, Math.ceil(plan.estimatedSeconds))} s at ${plan.ratePerSec}/s`
          : ""}
        .
      </p>
      {plan.targets.length > 0 ? (
        <table className={styles.table} data-testid="dry-run-targets">
          <thead>
            <tr>
              <th>Target topic</th>
              <th className={styles.num}>Letters</th>
            </tr>
          </thead>
          <tbody>
            {plan.targets.map((t) => (
              <tr key={t.topic}>
                <td className={styles.mono}>
                  {t.topic}
                  {t.derived ? (
                    <span className={styles.muted}> (derived from the DLQ&apos;s name)</span>
                  ) : null}
                </td>
                <td className={styles.num}>{t.count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {plan.alreadyRedriven.length > 0 ? (
        <div className={styles.notice} data-tone="warn" data-testid="dry-run-already">
          {plan.alreadyRedriven.length.toLocaleString()} letter(s) were re-driven already.{" "}
          {force ? "They will be sent again." : "They are left out unless you force a second re-drive."}
        </div>
      ) : null}
      {plan.missing.length > 0 ? (
        <div className={styles.notice} data-tone="err">
          {plan.missing.length} selected letter(s) are no longer in the topic:{" "}
          {plan.missing.slice(0, 3).join(", ")}
        </div>
      ) : null}
      {plan.noTarget.length > 0 ? (
        <div className={styles.notice} data-tone="err">
          {plan.noTarget.length} letter(s) do not say where they came from: enter a target topic.
        </div>
      ) : null}
      {plan.missingTargets.length > 0 ? (
        <div className={styles.notice} data-tone="err" data-testid="dry-run-missing-target">
          Target topic does not exist: <span className={styles.mono}>{plan.missingTargets.join(", ")}</span>
        </div>
      ) : null}
    </div>
  );
}

/** The same rules the server applies before it starts a task (server/dlq/planner.ts planBlocker). */
export function planBlocked(plan: RedrivePlan, byIds: boolean, force: boolean): boolean {
  return (
    plan.missing.length > 0 ||
    plan.noTarget.length > 0 ||
    plan.missingTargets.length > 0 ||
    (byIds && plan.alreadyRedriven.length > 0 && !force) ||
    plan.toSend === 0
  );
}
