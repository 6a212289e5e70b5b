import type { ReactNode } from "react";
import styles from "@/components/ui/fact-list.module.css";

/** A record's facts as label / value pairs; `className` adds a view's own type size or spacing. */
export function FactList({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={className ? `${styles.list} ${className}` : styles.list}>{children}</dl>;
}

export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

export const Mono = ({ children }: { children: ReactNode }) => <span className="mono">{children}</span>;

/** An id in monospace under its label, or nothing when the record has none. */
export function IdFact({ label, id }: { label: string; id: string | null | undefined }) {
  return id ? (
    <Fact label={label}>
      <Mono>{id}</Mono>
    </Fact>
  ) : null;
}
