import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { isTopicName } from "@/lib/dlq";
import { TopicView } from "@/components/dlq/topic-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

interface Props {
  params: Promise<{ topic: string }>;
}

/** Next hands the segment over still percent-encoded. */
function topicOf(segment: string): string | null {
  try {
    const topic = decodeURIComponent(segment);
    return isTopicName(topic) ? topic : null;
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${topicOf((await params).topic) ?? "?"} · Dead letters` };
}

export default async function DeadLetterTopicPage({ params }: Props) {
  const topic = topicOf((await params).topic);
  if (!topic) notFound();
  return (
    <>
      <PageHeader
        title={topic}
        description={
          <>
            <Link href="/dlq">Dead letters</Link> · grouped by error; select letters and re-drive them to
            where they came from.
          </>
        }
        actions={<Link href="/audit">Audit log</Link>}
      />
      <Suspense fallback={<Skeleton rows={8} />}>
        <TopicView key={topic} topic={topic} />
      </Suspense>
    </>
  );
}
