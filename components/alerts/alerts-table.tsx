"use client";

import Link from "next/link";
import type { Alert } from "@/lib/alerts";
import { formatSince } from "@/components/alerts/format";
import { AlertStateBadge } from "@/components/alerts/alert-state-badge";
import { useNow } from "@/components/traces/use-now";
import styles from "@/components/alerts/alerts.module.css";

/** Alerts with their state, since when, what they are about and a link to the page that shows it. */
export function AlertsTable({ alerts, testId }: { alerts: Alert[]; testId: string }) {
  const now = useNow(1_000);
  return (
    <table className={styles.table} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Severity</th>
          <th scope="col">Alert</th>
          <th scope="col">About</th>
          <th scope="col">Since</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((a) => (
          <tr
            key={a.key}
            data-testid="alert-row"
            data-state={a.state}
            data-rule={a.ruleId}
            data-target={a.target.name}
          >
            <td>
              <AlertStateBadge state={a.state} />
            </td>
            <td>
              <span className={styles.severity} data-severity={a.severity}>
                {a.severity}
              </span>
            </td>
            <td className={styles.summary}>
              <span className={styles.ruleId}>{a.ruleId}</span>
              <span className={styles.kind}>{a.summary}</span>
            </td>
            <td>
              <Link href={a.link} className={styles.target} data-testid="alert-link">
                {a.target.type === "collector" ? "Eventscope collector" : a.target.name}
              </Link>
            </td>
            <td className={styles.muted} title={new Date(a.since).toISOString()} data-testid="alert-since">
              {formatSince(a, now)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
