import type { Metadata } from "next";
import { AuditView } from "@/components/dlq/audit-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit log" };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every re-drive (who, when, which letters, where to, the offsets they got, the outcome) and every sign-in. Kept in Kafka, in __eventscope_audit."
      />
      <AuditView />
    </>
  );
}
