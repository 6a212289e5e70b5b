import Link from "next/link";
import styles from "@/components/traces/trace-page.module.css";

/**
 * No trace for the pasted term. The server's message says which time window the store covers, which is
 * the useful part ("older than an hour?"), so it is shown as is. The page keeps checking, because an id
 * pasted right after a request can be a moment ahead of the index.
 */
export function TraceNotFound({
  query,
  message,
  rechecking = false,
}: {
  query: string;
  message: string;
  rechecking?: boolean;
}) {
  return (
    <section
      className={styles.notFound}
      data-testid="trace-not-found"
      aria-labelledby="trace-not-found-title"
    >
      <h1 id="trace-not-found-title">No trace found</h1>
      <p className={styles.notFoundQuery}>
        <span className="mono">{query}</span>
      </p>
      <p className={styles.notFoundMessage} data-testid="trace-not-found-message">
        {message}
      </p>
      <ul className={styles.notFoundHints}>
        <li>Paste a 32-hex trace id, a whole traceparent, a 16-hex B3 id or a correlation id.</li>
        <li>Events older than the index window are no longer held; newer ones may still be on their way.</li>
      </ul>
      {rechecking ? (
        <p className={styles.rechecking} role="status">
          <span className={styles.liveDot} aria-hidden /> Checking again every few seconds…
        </p>
      ) : null}
      <p>
        <Link href="/traces">Browse recent traces →</Link>
      </p>
    </section>
  );
}
