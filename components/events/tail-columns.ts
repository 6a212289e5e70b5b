import type { TailEvent } from "@/lib/api/events";
import { formatBytes, formatEventTime, shortTraceId } from "@/components/events/format";

export interface TailColumn {
  id: string;
  label: string;
  /** CSS grid track; the tail's rows and header share them so cells line up without a <table>. */
  width: string;
  render: (event: TailEvent) => string;
  align?: "end";
}

const orDash = (value: string | null | undefined) => value || "—";

export const tailColumns: TailColumn[] = [
  { id: "time", label: "Time", width: "96px", render: (e) => formatEventTime(e.timestamp) },
  { id: "topic", label: "Topic", width: "minmax(120px, 1.3fr)", render: (e) => e.topic },
  { id: "service", label: "Service", width: "minmax(110px, 1.1fr)", render: (e) => orDash(e.service) },
  { id: "type", label: "Type", width: "minmax(110px, 1.2fr)", render: (e) => orDash(e.eventType) },
  { id: "key", label: "Key", width: "minmax(70px, 0.9fr)", render: (e) => orDash(e.keyPreview) },
  { id: "trace", label: "Trace", width: "80px", render: (e) => (e.traceId ? shortTraceId(e.traceId) : "—") },
  { id: "size", label: "Size", width: "64px", render: (e) => formatBytes(e.size), align: "end" },
];

export const tailGridTemplate = tailColumns.map((c) => c.width).join(" ");
