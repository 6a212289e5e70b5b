"use client";

import type { AlertRule } from "@/lib/alerts";
import { RuleRow } from "@/components/alerts/rule-row";
import styles from "@/components/alerts/alerts.module.css";

export function RulesTable({ rules, editable }: { rules: AlertRule[]; editable: boolean }) {
  return (
    <table className={styles.table} data-testid="rules-table">
      <thead>
        <tr>
          <th scope="col">On</th>
          <th scope="col">Rule</th>
          <th scope="col">Fires when</th>
          <th scope="col">For</th>
          <th scope="col">Severity</th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          // Keyed by content: a rule changed elsewhere (another admin, another tab) resets the row.
          <RuleRow key={JSON.stringify(rule)} rule={rule} editable={editable} />
        ))}
      </tbody>
    </table>
  );
}
