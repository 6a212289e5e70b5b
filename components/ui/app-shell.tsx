import type { ReactNode } from "react";
import { SessionControl } from "@/components/auth/session-control";
import { ConnectionIndicator } from "@/components/ui/connection-indicator";
import { SidebarNav } from "@/components/ui/sidebar-nav";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { TraceSearch } from "@/components/ui/trace-search";
import styles from "@/components/ui/app-shell.module.css";

/** The frame around every dashboard page: navigation left, search and status on top, content below. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skipLink}>
        Skip to content
      </a>
      <SidebarNav />
      <div className={styles.column}>
        <header className={styles.topbar}>
          <TraceSearch />
          <div className={styles.topbarRight}>
            <ConnectionIndicator />
            <SessionControl />
            <ThemeToggle />
          </div>
        </header>
        <main id="main" className={styles.main}>
          {children}
        </main>
      </div>
    </div>
  );
}
