import type { ReactNode } from "react";
import styles from "@/components/ui/panel.module.css";

/** A titled card that fills its grid cell: header (title, meta, actions) on top, body takes the rest. */
export function Panel({
  title,
  meta,
  actions,
  children,
  testId,
  className,
}: {
  title: string;
  /** Small muted text next to the title, e.g. a live figure. */
  meta?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const headingId = testId ? `${testId}-title` : undefined;
  return (
    <section
      className={className ? `${styles.panel} ${className}` : styles.panel}
      data-testid={testId}
      aria-labelledby={headingId}
    >
      <header className={styles.header}>
        <h2 className={styles.title} id={headingId}>
          {title}
        </h2>
        {meta ? <div className={styles.meta}>{meta}</div> : null}
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </header>
      <div className={styles.body}>{children}</div>
    </section>
  );
}

/** Centered message inside a panel body: loading, empty or error, without the page-level dashed box. */
export function PanelMessage({
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
      className={styles.message}
      data-tone={tone}
      data-testid={testId}
      role={tone === "error" ? "alert" : "status"}
    >
      <strong>{title}</strong>
      {children ? <div className={styles.messageBody}>{children}</div> : null}
    </div>
  );
}
