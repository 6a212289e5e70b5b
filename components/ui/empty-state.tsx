import type { ReactNode } from "react";
import styles from "@/components/ui/primitives.module.css";

/** Shown where a view has nothing to show yet; says why and what would change that. */
export function EmptyState({
  title,
  children,
  tone = "neutral",
  testId,
}: {
  title: string;
  children?: ReactNode;
  tone?: "neutral" | "error";
  testId?: string;
}) {
  return (
    <div
      className={styles.emptyState}
      data-tone={tone}
      data-testid={testId}
      role={tone === "error" ? "alert" : undefined}
    >
      <h2>{title}</h2>
      {children ? <div className={styles.emptyBody}>{children}</div> : null}
    </div>
  );
}
