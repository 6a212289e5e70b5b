import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Traces" };

export default function TracesPage() {
  return (
    <>
      <PageHeader title="Traces" description="Every request stitched into one story by its trace id." />
      <EmptyState title="No traces yet">
        <p>Paste a trace id, a traceparent or a correlation id into the search box above.</p>
      </EmptyState>
    </>
  );
}
