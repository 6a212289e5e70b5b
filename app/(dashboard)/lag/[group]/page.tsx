import type { Metadata } from "next";
import { LagGroupView } from "@/components/lag/lag-group-view";

interface Props {
  params: Promise<{ group: string }>;
}

/** Next hands the segment over still percent-encoded; group ids may contain anything but "/". */
function groupOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${groupOf((await params).group)} · Lag` };
}

export default async function LagGroupPage({ params }: Props) {
  return <LagGroupView group={groupOf((await params).group)} />;
}
