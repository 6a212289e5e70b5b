import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Flows" };

export default function FlowsPage() {
  return (
    <>
      <PageHeader
        title="Flows"
        description="Services, topics and consumer groups of your system, and the events moving between them."
      />
      <EmptyState title="No events seen yet" testId="flows-empty">
        <p>Events appear here as soon as Eventscope reads them from Kafka.</p>
      </EmptyState>
    </>
  );
}
