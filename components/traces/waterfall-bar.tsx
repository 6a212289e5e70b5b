import type { WaterfallRow } from "@/lib/traces";
import type { CSSProperties } from "react";
import { type BarGeometry, barGeometry, barTooltip } from "@/components/traces/bar-geometry";
import { consumersLabel } from "@/components/traces/consumer-names";
import { formatDuration } from "@/components/traces/trace-format";
import styles from "@/components/traces/waterfall.module.css";

function labelStyle(g: BarGeometry): CSSProperties {
  const room = `${g.labelRoom}%`;
  if (g.labelSide === "after") return { left: `${g.left + g.width}%`, maxWidth: room };
  if (g.labelSide === "before") return { right: `${100 - g.left}%`, maxWidth: room };
  return { right: `${100 - g.left - g.width}%`, maxWidth: room };
}

/**
 * A hop's bar on the common axis: queue time (hatched) then processing time (solid) when a commit
 * observation split the hop, else one solid span. Beside it: the duration and who consumed the message.
 */
export function WaterfallBar({
  row,
  totalMs,
  consumers,
}: {
  row: WaterfallRow;
  totalMs: number;
  consumers: readonly string[];
}) {
  const g = barGeometry(row, totalMs);
  const queue = g.queueShare === null ? null : g.queueShare * 100;
  return (
    <div className={styles.track}>
      <div
        className={styles.bar}
        style={{ left: `${g.left}%`, width: `${g.width}%` }}
        title={barTooltip(row)}
        data-split={queue === null ? undefined : true}
        data-testid="waterfall-bar"
      >
        {queue === null ? (
          <span className={styles.segment} data-part="whole" style={{ width: "100%" }} />
        ) : (
          <>
            <span className={styles.segment} data-part="queue" style={{ width: `${queue}%` }} />
            <span className={styles.segment} data-part="processing" style={{ width: `${100 - queue}%` }} />
          </>
        )}
      </div>
      <span className={styles.barLabel} data-side={g.labelSide} style={labelStyle(g)}>
        {formatDuration(row.durationMs)}
        {consumers.length > 0 ? (
          <span className={styles.consumers} title={`Consumed by ${consumers.join(", ")}`}>
            {" "}
            → {consumersLabel(consumers)}
          </span>
        ) : null}
      </span>
    </div>
  );
}
