import type { Metadata } from "next";
import Link from "next/link";
import { DlqTopicsView } from "@/components/dlq/dlq-topics-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dead letters" };

export default function DeadLettersPage() {
  return (
    <>
      <PageHeader
        title="Dead letters"
        description="Messages your services gave up on, why, and a safe way to send them back — each exactly once."
        actions={
          <Link href="/audit" data-testid="audit-link">
            Audit log
          </Link>
        }
      />
      <DlqTopicsView />
    </>
  );
}
