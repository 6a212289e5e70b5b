/** What an alert is about, its stable key, and the dashboard page that shows it. */
export type AlertTarget =
  | { type: "group"; name: string }
  | { type: "topic"; name: string }
  | { type: "dlq"; name: string }
  | { type: "collector"; name: string };

/** One alert per rule and target: the key survives restarts of an episode (pending → firing → resolved). */
export function alertKey(ruleId: string, target: AlertTarget): string {
  return `${ruleId}|${target.type}:${target.name}`;
}

/** The dashboard path a person opens from the alert. */
export function targetLink(target: AlertTarget): string {
  const name = encodeURIComponent(target.name);
  switch (target.type) {
    case "group":
      return `/lag/${name}`;
    case "dlq":
      return `/dlq/${name}`;
    case "topic":
      return `/traces?topic=${name}`;
    case "collector":
      return "/flows";
  }
}

/** The Prometheus-style labels that identify the target (Alertmanager groups and silences by them). */
export function targetLabels(target: AlertTarget): Record<string, string> {
  switch (target.type) {
    case "group":
      return { group: target.name };
    case "dlq":
    case "topic":
      return { topic: target.name };
    case "collector":
      return { instance: target.name };
  }
}
