import Link from "next/link";
import { AppShell } from "@/components/ui/app-shell";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <AppShell>
      <EmptyState title="Page not found">
        <p>
          Nothing lives at this address. Go to <Link href="/flows">Flows</Link>.
        </p>
      </EmptyState>
    </AppShell>
  );
}
