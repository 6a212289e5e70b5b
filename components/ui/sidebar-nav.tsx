"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { AlertIcon } from "@/components/alerts/alert-icon";
import { AlertsNavBadge } from "@/components/alerts/alerts-nav-badge";
import { DeadLetterIcon, FlowsIcon, LagIcon, LogoIcon, TracesIcon } from "@/components/ui/icons";
import styles from "@/components/ui/app-shell.module.css";

const items: { href: string; label: string; icon: ReactNode; badge?: ReactNode }[] = [
  { href: "/flows", label: "Flows", icon: <FlowsIcon /> },
  { href: "/traces", label: "Traces", icon: <TracesIcon /> },
  { href: "/lag", label: "Lag", icon: <LagIcon /> },
  { href: "/dlq", label: "Dead letters", icon: <DeadLetterIcon /> },
  { href: "/alerts", label: "Alerts", icon: <AlertIcon />, badge: <AlertsNavBadge /> },
];

export function SidebarNav() {
  const pathname = usePathname();
  return (
    <nav className={styles.sidebar} aria-label="Main">
      <Link href="/flows" className={styles.brand}>
        <LogoIcon />
        <span>Eventscope</span>
      </Link>
      <ul className={styles.navList}>
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                className={styles.navLink}
                aria-current={active ? "page" : undefined}
                data-testid={`nav-${item.href.slice(1)}`}
              >
                {item.icon}
                <span>{item.label}</span>
                {item.badge}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
