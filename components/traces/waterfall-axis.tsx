import type { TickMark } from "@/components/traces/bar-geometry";
import styles from "@/components/traces/waterfall.module.css";

/** The sticky header row: the name column's title and the time axis's tick labels. */
export function WaterfallAxis({ ticks }: { ticks: TickMark[] }) {
  return (
    <div className={styles.axisRow} role="row" aria-rowindex={1}>
      <span role="columnheader" className={styles.axisName}>
        Service · event · topic
      </span>
      <span role="columnheader" className={styles.axisTrack} aria-label="Time since the trace started">
        <span className={styles.axisInner} aria-hidden>
          {ticks.map((tick) => (
            <span
              key={tick.offsetMs}
              className={styles.tick}
              style={{ left: `${tick.position}%` }}
              data-edge={tick.position === 0 ? "start" : tick.position > 96 ? "end" : undefined}
            >
              {tick.label}
            </span>
          ))}
        </span>
      </span>
    </div>
  );
}
