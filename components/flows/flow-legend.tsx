import styles from "@/components/flows/flow-graph.module.css";

const items = [
  { kind: "service", label: "Service" },
  { kind: "topic", label: "Topic" },
  { kind: "dlq", label: "Dead letters" },
  { kind: "group", label: "Group" },
] as const;

/** Swatches matching the node styles, so the colours need no guessing. */
export function FlowLegend() {
  return (
    <ul className={styles.legend} aria-label="Legend">
      {items.map((item) => (
        <li key={item.kind}>
          <span className={styles.swatch} data-kind={item.kind} aria-hidden />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
