import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { traceIdFromParam } from "@/components/traces/trace-param";
import { shortId } from "@/components/traces/trace-format";
import { TraceView } from "@/components/traces/trace-view";

interface Props {
  params: Promise<{ traceId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = traceIdFromParam((await params).traceId);
  return { title: id ? `Trace ${shortId(id)}` : "Trace" };
}

// Shareable: the id in the URL is the search term as pasted (trace id, traceparent, B3 or correlation id).
export default async function TracePage({ params }: Props) {
  const id = traceIdFromParam((await params).traceId);
  if (!id) notFound();
  // Keyed by the id, so moving to another trace starts with fresh UI state (selection, folds).
  return <TraceView key={id} traceId={id} />;
}
