import type { LagPartition } from "@/lib/api/lag";
import { Panel } from "@/components/ui/panel";
import { formatCount, formatSeconds } from "@/components/lag/format";
import { StatusBadge } from "@/components/lag/status-badge";
import styles from "@/components/lag/lag.module.css";

/** The columns of `kafka-consumer-groups --describe`, plus time lag and status; fixed widths. */
const COLUMNS = [
  { label: "Topic", width: "13%" },
  { label: "Partition", width: "92px", numeric: true },
  { label: "Current offset", width: "100px", numeric: true },
  { label: "Log-end offset", width: "100px", numeric: true },
  { label: "Lag", width: "88px", numeric: true },
  { label: "Time lag", width: "104px", numeric: true },
  { label: "Status", width: "92px" },
  { label: "Consumer id", width: "auto" },
  { label: "Host", width: "96px" },
  { label: "Client id", width: "9%" },
];

/** Member ids are the client id plus a UUID: keep both ends readable when the column is narrow. */
export function middleTruncate(text: string, max = 24): string {
  if (text.length <= max) return text;
  const tail = 8;
  return `${text.slice(0, max - tail - 1)}…${text.slice(-tail)}`;
}

const dash = (value: string | null) => value ?? "—";

function PartitionRow({ p }: { p: LagPartition }) {
  return (
    <tr data-testid="lag-partition-row" data-topic={p.topic} data-partition={p.partition}>
      <td className={styles.topicCell}>{p.topic}</td>
      <td className={styles.num}>{p.partition}</td>
      <td className={styles.num} title={p.currentOffset === null ? "No committed offset" : undefined}>
        {formatCount(p.currentOffset)}
      </td>
      <td className={styles.num}>{formatCount(p.logEndOffset)}</td>
      <td className={styles.num} data-testid="lag-partition-lag" data-value={p.lag ?? ""}>
        {p.lag === null ? (
          <span title="Unknown: the group has no committed offset here">unknown</span>
        ) : (
          formatCount(p.lag)
        )}
      </td>
      <td
        className={styles.num}
        title={p.timeLagExtrapolated ? "Extrapolated: older than the kept end-offset history" : undefined}
      >
        {p.timeLagExtrapolated ? "≥ " : ""}
        {formatSeconds(p.timeLagSeconds)}
      </td>
      <td>
        <StatusBadge status={p.status} />
      </td>
      <td className={styles.mono} title={p.consumerId ?? "Not assigned to any member"}>
        {p.consumerId === null ? "—" : middleTruncate(p.consumerId)}
      </td>
      <td className={styles.mono}>{dash(p.host)}</td>
      <td className={styles.mono} title={p.clientId ?? undefined}>
        {dash(p.clientId)}
      </td>
    </tr>
  );
}

export function PartitionTable({ partitions }: { partitions: LagPartition[] }) {
  const unknown = partitions.filter((p) => p.lag === null).length;
  return (
    <Panel
      title="Partitions"
      testId="lag-partitions"
      meta={`${partitions.length} partitions${unknown > 0 ? ` · ${unknown} without a committed offset` : ""}`}
    >
      <div className={styles.tableWrap}>
        <table className={`${styles.table} ${styles.wrapHeaders}`} data-testid="lag-partition-table">
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.label} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? styles.num : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => (
              <PartitionRow key={`${p.topic}/${p.partition}`} p={p} />
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
