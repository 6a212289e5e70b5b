"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { SearchIcon } from "@/components/ui/icons";
import styles from "@/components/ui/app-shell.module.css";

/**
 * The global "where did it get stuck?" box: paste a trace id, a whole traceparent, a B3 id or a
 * correlation id and go straight to the trace. "/" focuses it from anywhere, like most dashboards.
 */
export function TraceSearch() {
  const router = useRouter();
  const [value, setValue] = useState("");
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (e.key === "/" && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query = value.trim();
    if (!query) return;
    router.push(`/traces/${encodeURIComponent(query)}`);
  };

  return (
    <form className={styles.search} role="search" onSubmit={submit}>
      <SearchIcon />
      <label htmlFor="trace-search" className="visually-hidden">
        Find a trace
      </label>
      <input
        ref={input}
        id="trace-search"
        data-testid="trace-search"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="Trace id, traceparent or correlation id"
        autoComplete="off"
        spellCheck={false}
      />
      <kbd className={styles.kbd} aria-hidden>
        /
      </kbd>
    </form>
  );
}
