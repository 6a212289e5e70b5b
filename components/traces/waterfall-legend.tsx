import styles from "@/components/traces/waterfall.module.css";

/** What the two parts of a bar mean; the same words as each bar's tooltip. */
export function WaterfallLegend() {
  return (
    <ul className={styles.legend} aria-label="Legend" data-testid="waterfall-legend">
      <li title="Produced → consumed: the message waited in the topic">
        <span className={styles.legendSwatch} data-part="queue" aria-hidden />
        Queue
      </li>
      <li title="Consumed → next message produced: the consumer worked on it">
        <span className={styles.legendSwatch} data-part="processing" aria-hidden />
        Processing
      </li>
      <li title="Produced → next message, when no commit observation splits the two">
        <span className={styles.legendSwatch} data-part="whole" aria-hidden />
        Unsplit
      </li>
      <li title="The message ended in a dead-letter topic">
        <span className={styles.legendSwatch} data-part="dead" aria-hidden />
        Dead letter
      </li>
    </ul>
  );
}
