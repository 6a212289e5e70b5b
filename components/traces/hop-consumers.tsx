import type { TraceHop } from "@/lib/traces";
import { formatEventTime } from "@/components/events/format";
import { formatDuration } from "@/components/traces/trace-format";
import styles from "@/components/traces/hop-detail.module.css";

/** Which groups (or services) read the record, and by when: from committed offsets or from what it caused. */
export function HopConsumers({ hop }: { hop: TraceHop }) {
  if (hop.consumers.length === 0)
    return (
      <p className={styles.muted} data-testid="hop-consumers-none">
        No consumer is known to have read it yet.
      </p>
    );
  return (
    <table className={styles.table} data-testid="hop-consumers">
      <thead>
        <tr>
          <th scope="col">Consumer</th>
          <th scope="col" title="At the latest: when the evidence was seen">
            Read by
          </th>
          <th scope="col" title="Time from production to that evidence">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {hop.consumers.map((c, i) => (
          <tr key={`${c.group ?? c.service}-${i}`}>
            <td>
              <span className="mono">{c.group ?? c.service ?? "unknown"}</span>
              {c.group && c.service && c.service !== c.group ? (
                <span className={styles.muted}> · {c.service}</span>
              ) : null}
            </td>
            <td
              title={
                c.source === "committed-offset"
                  ? "Upper bound: the group's committed offset had passed this record when the lag poller looked"
                  : "Upper bound: a message it caused was produced then"
              }
            >
              {formatEventTime(c.consumedAt)}
              <span className={styles.source}>{c.source === "committed-offset" ? "commit" : "next msg"}</span>
            </td>
            <td className={styles.numeric}>{formatDuration(Math.max(0, c.consumedAt - hop.producedAt))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
