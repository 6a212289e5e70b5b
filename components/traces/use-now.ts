"use client";

import { useEffect, useState } from "react";

/** The current time, updated every `intervalMs`, for "3 min ago" labels that keep counting. */
export function useNow(intervalMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
