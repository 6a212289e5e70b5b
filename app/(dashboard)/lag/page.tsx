import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Lag" };

export default function LagPage() {
  return (
    <>
      <PageHeader
        title="Consumer lag"
        description="How far each consumer group is behind, in messages and in seconds."
      />
      <EmptyState title="No consumer groups yet" />
    </>
  );
}
