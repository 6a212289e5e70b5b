/**
 * Probes installed in the page before any of its own scripts run: long tasks (PerformanceObserver), what
 * the tail receives (socket.io `tail:batch` frames on the WebSocket), what it shows (the running count of
 * live events the tail put in its list, which the page exposes as `data-appended` on the tail's count),
 * which rows the DOM rendered (event ids of tail rows, sampled every 100 ms: the list is virtualised, so
 * only the rows in view are elements), and the page's JS heap.
 */
import type { Page } from "@playwright/test";

export interface ProbeWindow {
  /**
   * The window's length by the page's clock, between the two reads: a page that falls behind runs the
   * read late, so counts are divided by this, not by how long the benchmark waited.
   */
  seconds: number;
  longTasksMs: number[];
  received: number;
  sampledAway: number;
  /** Live events put in the tail's list (the person sees them and can scroll to them). */
  shown: number;
  /** Distinct tail rows that were elements in the DOM at one of the 100 ms samples. */
  rendered: number;
  /** Rows in the tail's list at the end of the window. */
  rowsInList: number;
  /** The page's used JS heap at the end of the window (MB), as Chromium reports it. */
  heapMb: number;
}

interface Probes {
  longTasks: number[];
  received: number;
  dropped: number;
  rendered: Set<string>;
  appendedBefore: number;
  readAt: number;
}

function installProbes(): void {
  const probes: Probes = {
    longTasks: [],
    received: 0,
    dropped: 0,
    rendered: new Set(),
    appendedBefore: 0,
    readAt: performance.now(),
  };
  (window as unknown as { __benchProbes: Probes }).__benchProbes = probes;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener("message", (e: MessageEvent) => {
        if (typeof e.data !== "string" || !e.data.startsWith('42["tail:batch"')) return;
        const [, batch] = JSON.parse(e.data.slice(2)) as [string, { events: unknown[]; dropped: number }];
        probes.received += batch.events.length;
        probes.dropped += batch.dropped;
      });
    }
  };
  setInterval(() => {
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid="tail-row"]')) {
      const id = row.dataset.eventId;
      if (id) probes.rendered.add(id);
    }
  }, 100);
}

export const installPageProbes = (page: Page) => page.addInitScript(installProbes);

/** Reads the probes' counts since the last read and starts a new window. */
export function readProbeWindow(page: Page): Promise<ProbeWindow> {
  return page.evaluate(() => {
    const p = (window as unknown as { __benchProbes: Probes }).__benchProbes;
    const count = document.querySelector<HTMLElement>('[data-testid="tail-count"]');
    const appended = Number(count?.dataset.appended ?? 0);
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const now = performance.now();
    const out = {
      seconds: (now - p.readAt) / 1000,
      longTasksMs: p.longTasks,
      received: p.received,
      sampledAway: p.dropped,
      shown: appended - p.appendedBefore,
      rendered: p.rendered.size,
      rowsInList: Number(count?.textContent?.replace(/\D/g, "") ?? 0),
      heapMb: memory ? Math.round(memory.usedJSHeapSize / 2 ** 20) : -1,
    };
    p.longTasks = [];
    p.received = 0;
    p.dropped = 0;
    p.rendered = new Set();
    p.appendedBefore = appended;
    p.readAt = now;
    return out;
  });
}
