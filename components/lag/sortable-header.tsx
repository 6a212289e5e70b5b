import type { GroupsView, SortKey } from "@/components/lag/groups-model";
import styles from "@/components/lag/lag.module.css";

/** A column header that sorts: a real button (Enter/Space), with aria-sort on the header cell. */
export function SortableHeader({
  label,
  sortKey,
  view,
  onSort,
  numeric = false,
  title,
}: {
  label: string;
  sortKey: SortKey;
  view: GroupsView;
  onSort: (key: SortKey) => void;
  numeric?: boolean;
  title?: string;
}) {
  const active = view.sort === sortKey;
  const direction = view.dir === "asc" ? "ascending" : "descending";
  // Numbers are right-aligned: the arrow goes first so the label lines up with the figures below.
  const arrow = (
    <span className={styles.sortArrow} aria-hidden>
      {active ? (view.dir === "asc" ? "▲" : "▼") : ""}
    </span>
  );
  return (
    <th scope="col" className={numeric ? styles.num : undefined} aria-sort={active ? direction : "none"}>
      <button
        type="button"
        className={styles.sortButton}
        data-active={active}
        data-testid={`lag-sort-${sortKey}`}
        onClick={() => onSort(sortKey)}
        title={title ?? `Sort by ${label.toLowerCase()}`}
      >
        {numeric ? arrow : null}
        {label}
        {numeric ? null : arrow}
      </button>
    </th>
  );
}
