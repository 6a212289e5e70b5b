import type { LagGroupSummary } from "@/lib/api/lag";
import type { GroupsView, SortKey } from "@/components/lag/groups-model";
import { LagGroupRow } from "@/components/lag/lag-group-row";
import { SortableHeader } from "@/components/lag/sortable-header";
import styles from "@/components/lag/lag.module.css";

/** Fixed column widths: live updates change the figures, never the layout. */
const COLUMNS: Array<{
  key: SortKey | "trend";
  label: string;
  width: string;
  numeric?: boolean;
  title?: string;
}> = [
  { key: "status", label: "Status", width: "104px", title: "Sort by status (Burrow's evaluation)" },
  { key: "group", label: "Group", width: "auto" },
  { key: "state", label: "State", width: "156px" },
  { key: "members", label: "Members", width: "100px", numeric: true },
  {
    key: "lag",
    label: "Total lag",
    width: "130px",
    numeric: true,
    title: "Sort by total offset lag (messages)",
  },
  { key: "timeLag", label: "Time lag", width: "120px", numeric: true, title: "Sort by the largest time lag" },
  { key: "trend", label: "Trend · 15 min", width: "164px" },
  { key: "drain", label: "Time to drain", width: "136px", numeric: true },
];

export function LagGroupsTable({
  groups,
  view,
  onSort,
}: {
  groups: LagGroupSummary[];
  view: GroupsView;
  onSort: (key: SortKey) => void;
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="lag-groups-table">
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((c) =>
              c.key === "trend" ? (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ) : (
                <SortableHeader
                  key={c.key}
                  label={c.label}
                  sortKey={c.key}
                  view={view}
                  onSort={onSort}
                  numeric={c.numeric}
                  title={c.title}
                />
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <LagGroupRow key={group.id} group={group} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
