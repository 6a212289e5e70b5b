import type { Metadata } from "next";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { FlowsView } from "@/components/flows/flows-view";

export const metadata: Metadata = { title: "Flows" };

// The view reads its filter from the URL (useSearchParams), which needs a Suspense boundary to prerender.
export default function FlowsPage() {
  return (
    <Suspense fallback={<Skeleton rows={10} />}>
      <FlowsView />
    </Suspense>
  );
}
