import { TraceSkeleton } from "@/components/traces/trace-skeleton";

export default function TraceLoading() {
  return <TraceSkeleton />;
}
