import Link from "next/link";
import type { TraceHop } from "@/lib/traces";
import { redriveHref } from "@/components/traces/dlq-href";
import styles from "@/components/traces/hop-detail.module.css";

/**
 * The Dead letters page for this letter, and the same page with the intent to re-drive it: re-driving needs
 * the dry-run, confirmation and sign-in that page owns, so the trace page only links there.
 */
export function DeadLetterActions({ hop, href }: { hop: TraceHop; href: string | null }) {
  return (
    <div className={styles.deadLetter} role="note" data-testid="hop-dead-letter">
      <p>
        <strong>Dead letter.</strong> This message ended in <span className="mono">{hop.topic}</span>; the
        services gave up on it.
      </p>
      {href ? (
        <div className={styles.deadLetterActions}>
          <Link href={href} className={styles.dlqButton} data-testid="hop-dead-letter-link">
            Open dead letter
          </Link>
          <Link
            href={redriveHref(href)}
            className={styles.dlqButton}
            data-variant="primary"
            data-testid="hop-redrive-link"
          >
            Re-drive…
          </Link>
        </div>
      ) : (
        <p className={styles.muted}>The Dead letters page does not list it (yet).</p>
      )}
    </div>
  );
}
