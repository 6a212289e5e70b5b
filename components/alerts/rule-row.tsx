"use client";

import { useState } from "react";
import { type AlertRule, type Severity, THRESHOLD_UNIT } from "@/lib/alerts";
import { formatCondition, KIND_LABEL } from "@/components/alerts/format";
import { useSaveRule } from "@/components/alerts/use-alerts";
import { Button } from "@/components/ui/button";
import styles from "@/components/alerts/alerts.module.css";

const SEVERITIES: Severity[] = ["critical", "warning", "info"];

/** One rule; with `editable`, its threshold, window, severity and switch can be changed and saved. */
export function RuleRow({ rule, editable }: { rule: AlertRule; editable: boolean }) {
  const [draft, setDraft] = useState(rule);
  const save = useSaveRule();
  const dirty = JSON.stringify(draft) !== JSON.stringify(rule);
  const valid =
    Number.isFinite(draft.threshold) &&
    draft.threshold >= 0 &&
    Number.isInteger(draft.forSeconds) &&
    draft.forSeconds >= 0;

  if (!editable)
    return (
      <tr data-testid="rule-row" data-rule={rule.id}>
        <td>{rule.enabled ? "on" : "off"}</td>
        <td>
          <span className={styles.ruleId}>{rule.id}</span>
          <span className={styles.kind}>{KIND_LABEL[rule.kind]}</span>
        </td>
        <td>{formatCondition(rule.kind, rule.threshold)}</td>
        <td>{rule.forSeconds} s</td>
        <td>
          <span className={styles.severity} data-severity={rule.severity}>
            {rule.severity}
          </span>
        </td>
        <td />
      </tr>
    );

  const number = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));
  return (
    <tr data-testid="rule-row" data-rule={rule.id}>
      <td>
        <input
          type="checkbox"
          className={styles.checkbox}
          checked={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
          aria-label={`${rule.id} enabled`}
          data-testid="rule-enabled"
        />
      </td>
      <td>
        <span className={styles.ruleId}>{rule.id}</span>
        <span className={styles.kind}>{KIND_LABEL[rule.kind]}</span>
      </td>
      <td>
        <input
          type="number"
          min={0}
          step="any"
          className={styles.input}
          value={Number.isNaN(draft.threshold) ? "" : draft.threshold}
          onChange={(e) => setDraft({ ...draft, threshold: number(e.target.value) })}
          aria-label={`${rule.id} threshold`}
          data-testid="rule-threshold"
        />{" "}
        <span className={styles.muted}>{THRESHOLD_UNIT[rule.kind]}</span>
      </td>
      <td>
        <input
          type="number"
          min={0}
          step={1}
          className={styles.input}
          value={Number.isNaN(draft.forSeconds) ? "" : draft.forSeconds}
          onChange={(e) => setDraft({ ...draft, forSeconds: number(e.target.value) })}
          aria-label={`${rule.id} for seconds`}
          data-testid="rule-for"
        />{" "}
        <span className={styles.muted}>s</span>
      </td>
      <td>
        <select
          className={styles.select}
          value={draft.severity}
          onChange={(e) => setDraft({ ...draft, severity: e.target.value as Severity })}
          aria-label={`${rule.id} severity`}
          data-testid="rule-severity"
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </td>
      <td>
        <Button
          variant={dirty ? "primary" : "default"}
          disabled={!dirty || !valid || save.isPending}
          onClick={() => save.mutate(draft)}
          data-testid="rule-save"
        >
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        {save.error ? (
          <span className={styles.rowError} role="alert" data-testid="rule-error">
            {save.error.message}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
