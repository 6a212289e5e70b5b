import type { Metadata } from "next";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { LagGroupsView } from "@/components/lag/lag-groups-view";

export const metadata: Metadata = { title: "Lag" };

// The view reads its filter and sort from the URL (useSearchParams), which needs a Suspense boundary.
export default function LagPage() {
  return (
    <Suspense fallback={<Skeleton rows={8} />}>
      <LagGroupsView />
    </Suspense>
  );
}
