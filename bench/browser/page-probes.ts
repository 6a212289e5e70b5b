/**
 * Probes installed in the page before any of its own scripts run: long tasks (PerformanceObserver), what
 * the tail receives (socket.io `tail:batch` frames on the WebSocket) and which rows it shows (the event ids
 * of tail rows in the DOM, sampled every 100 ms — a row gone sooner was never seen by a person).
 */
import type { Page } from "@playwright/test";

export interface ProbeWindow {
  longTasksMs: number[];
  received: number;
  sampledAway: number;
  shown: number;
}

interface Probes {
  longTasks: number[];
  received: number;
  dropped: number;
  shown: Set<string>;
}

function installProbes(): void {
  const probes: Probes = { longTasks: [], received: 0, dropped: 0, shown: new Set() };
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
      if (id) probes.shown.add(id);
    }
  }, 100);
}

export const installPageProbes = (page: Page) => page.addInitScript(installProbes);

/** Reads the probes' counts since the last read and starts a new window. */
export function readProbeWindow(page: Page): Promise<ProbeWindow> {
  return page.evaluate(() => {
    const p = (window as unknown as { __benchProbes: Probes }).__benchProbes;
    const out = {
      longTasksMs: p.longTasks,
      received: p.received,
      sampledAway: p.dropped,
      shown: p.shown.size,
    };
    p.longTasks = [];
    p.received = 0;
    p.dropped = 0;
    p.shown = new Set();
    return out;
  });
}
