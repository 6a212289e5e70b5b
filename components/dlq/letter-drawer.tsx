"use client";

import Link from "next/link";
import type { DeadLetterDetail } from "@/lib/api/dlq";
import { describeOrigin, describeOriginPosition } from "@/lib/dlq";
import { EventHeaders } from "@/components/events/event-headers";
import { EventPayload } from "@/components/events/event-payload";
import { formatFullTimestamp } from "@/components/events/format";
import { Button } from "@/components/ui/button";
import { PanelMessage } from "@/components/ui/panel";
import { Overlay } from "@/components/dlq/overlay";
import { RedrivenBadge } from "@/components/dlq/redriven-badge";
import { useLetterDetail } from "@/components/dlq/use-dlq";
import styles from "@/components/dlq/letter-drawer.module.css";

function Facts({ letter }: { letter: DeadLetterDetail }) {
  const position = describeOriginPosition(letter.origin);
  const rows: [string, React.ReactNode][] = [
    ["Origin", `${describeOrigin(letter.origin)}${position ? ` · ${position}` : ""}`],
    ["Error type", letter.error.type ?? "—"],
    ["Cause", letter.error.causeType],
    ["Attempts", letter.attempts ?? "—"],
    ["First failure", letter.firstFailureAt === null ? "—" : formatFullTimestamp(letter.firstFailureAt)],
    ["Dead-lettered", formatFullTimestamp(letter.timestamp)],
    ["Consumer group", letter.origin.consumerGroup],
    ["Header family", letter.families.join(", ") || "none (origin from the topic name)"],
    ["Key", letter.key],
    [
      "Trace",
      letter.traceId ? (
        <Link href={`/traces/${letter.traceId}`} className="mono" data-testid="letter-trace-link">
          {letter.traceId}
        </Link>
      ) : null,
    ],
    ["Re-driven", <RedrivenBadge key="r" mark={letter.redriven} verbose />],
    ...Object.entries(letter.error.details).map(([k, v]): [string, string] => [k, v]),
  ];
  return (
    <dl className={styles.facts}>
      {rows
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** One dead letter in full: why it failed (message and stack trace), its headers and its payload. */
export function LetterDrawer({
  id,
  onClose,
  onRedrive,
}: {
  id: string;
  onClose: () => void;
  onRedrive: (id: string) => void;
}) {
  const { data, error, isPending } = useLetterDetail(id);
  return (
    <Overlay
      kind="drawer"
      title={<span className="mono">{id}</span>}
      onClose={onClose}
      testId="letter-drawer"
      footer={
        <Button variant="primary" onClick={() => onRedrive(id)} data-testid="letter-redrive">
          Re-drive this letter…
        </Button>
      }
    >
      {isPending ? <PanelMessage title="Loading the letter…" /> : null}
      {error ? (
        <PanelMessage title="Could not load the letter" tone="error">
          {error.message}
        </PanelMessage>
      ) : null}
      {data ? (
        <div className={styles.sections}>
          {data.error.message ? (
            <p className={styles.message} data-testid="letter-error-message">
              {data.error.message}
            </p>
          ) : null}
          <Facts letter={data} />
          {data.warnings.length > 0 ? (
            <ul className={styles.warnings}>
              {data.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <section>
            <h3>Stack trace</h3>
            {data.error.stacktrace ? (
              <pre className={styles.stack} data-testid="letter-stacktrace">
                {data.error.stacktrace}
              </pre>
            ) : (
              <p className={styles.muted}>The producer of this dead letter sent none.</p>
            )}
          </section>
          <section>
            <h3>Headers</h3>
            <EventHeaders headers={data.headers} />
          </section>
          <section>
            <h3>Payload</h3>
            <EventPayload payload={data.value} testId="letter-payload" />
          </section>
        </div>
      ) : null}
    </Overlay>
  );
}
