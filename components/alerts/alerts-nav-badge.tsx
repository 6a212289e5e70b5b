"use client";

import { useAlerts, useAlertsLiveUpdates } from "@/components/alerts/use-alerts";
import styles from "@/components/alerts/alerts.module.css";

/** The firing count next to "Alerts" in the navigation; mounting it keeps alerts live on every page. */
export function AlertsNavBadge() {
  useAlertsLiveUpdates();
  const { data } = useAlerts();
  const firing = data?.active.filter((a) => a.state === "firing").length ?? 0;
  if (firing === 0) return null;
  return (
    <span className={styles.navBadge} data-testid="nav-alerts-badge" aria-label={`${firing} firing`}>
      {firing}
    </span>
  );
}
