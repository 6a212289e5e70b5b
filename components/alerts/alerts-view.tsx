"use client";

import Link from "next/link";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { RulesTable } from "@/components/alerts/rules-table";
import { useAlertRules, useAlerts } from "@/components/alerts/use-alerts";
import { useSession } from "@/components/auth/use-session";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "@/components/alerts/alerts.module.css";

/**
 * The Alerts page: what fires or waits to fire, what resolved in the last hour, and the rules (editable
 * when signed in). Server data only, from the query cache (REST, then socket pushes from the shell).
 */
export function AlertsView() {
  const alerts = useAlerts();
  const rules = useAlertRules();
  const session = useSession();
  const firing = alerts.data?.active.filter((a) => a.state === "firing").length ?? 0;
  const pending = (alerts.data?.active.length ?? 0) - firing;

  let active;
  let resolved;
  if (alerts.isPending) active = resolved = <Skeleton rows={3} />;
  else if (alerts.error)
    active = resolved = (
      <PanelMessage title="Could not load the alerts" tone="error" testId="alerts-error">
        <p>{alerts.error.message}</p>
        <Button onClick={() => void alerts.refetch()}>Try again</Button>
      </PanelMessage>
    );
  else {
    active =
      alerts.data.active.length === 0 ? (
        <PanelMessage title="Nothing is firing" testId="alerts-none-active">
          {alerts.data.evaluatedAt === null
            ? "The rules have not been evaluated yet."
            : "Every enabled rule's condition is false right now."}
        </PanelMessage>
      ) : (
        <AlertsTable alerts={alerts.data.active} testId="alerts-active" />
      );
    resolved =
      alerts.data.resolved.length === 0 ? (
        <PanelMessage title="Nothing resolved in the last hour" testId="alerts-none-resolved" />
      ) : (
        <AlertsTable alerts={alerts.data.resolved} testId="alerts-resolved" />
      );
  }

  const editable = session.data?.signedIn === true && rules.data?.loaded === true;
  let rulesBody;
  if (rules.isPending) rulesBody = <Skeleton rows={6} />;
  else if (rules.error)
    rulesBody = (
      <PanelMessage title="Could not load the rules" tone="error" testId="rules-error">
        <p>{rules.error.message}</p>
        <Button onClick={() => void rules.refetch()}>Try again</Button>
      </PanelMessage>
    );
  else
    rulesBody = (
      <>
        {!editable ? (
          <p className={styles.note} data-testid="rules-read-only">
            {session.data?.signedIn ? (
              "The rules are still being read from Kafka; editing starts once they are loaded."
            ) : (
              <>
                Read-only. <Link href="/sign-in?next=/alerts">Sign in</Link> to change thresholds, windows and
                severities.
              </>
            )}
          </p>
        ) : null}
        <RulesTable rules={rules.data.rules} editable={editable} />
      </>
    );

  return (
    <div className={styles.page}>
      <PageHeader
        title="Alerts"
        description="Consumers falling behind or stopping, dead letters piling up, topics going quiet, the collector lagging — sent to Alertmanager and webhooks as they fire and resolve."
      />
      <Panel
        title="Firing and pending"
        testId="alerts-active-panel"
        meta={alerts.data ? `${firing} firing · ${pending} pending` : undefined}
      >
        {active}
      </Panel>
      <Panel title="Resolved in the last hour" testId="alerts-resolved-panel">
        {resolved}
      </Panel>
      <Panel
        title="Rules"
        testId="alerts-rules-panel"
        meta={rules.data ? `kept in Kafka topic ${rules.data.topic}` : undefined}
      >
        {rulesBody}
      </Panel>
    </div>
  );
}
