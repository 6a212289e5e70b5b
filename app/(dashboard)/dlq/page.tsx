import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Dead letters" };

export default function DeadLettersPage() {
  return (
    <>
      <PageHeader
        title="Dead letters"
        description="Messages your services gave up on, why, and a safe way to send them back."
      />
      <EmptyState title="No dead-letter topics found" />
    </>
  );
}
