/**
 * A group that reads many topics would draw one line and one legend entry per topic (hundreds in
 * production). The charts show the topics with the most lag and fold the rest into one "others" series:
 * offset lags add up, and the time lag of a fold is its largest, as for a topic of many partitions.
 */
import type { LagTopic, TopicHistoryPoint } from "@/lib/api/lag";

export const TOP_TOPICS = 5;

/** A topic as a chart draws it; `folded` marks the one series that stands for the remaining topics. */
export type ChartTopic = LagTopic & { folded?: boolean };

function byLagDesc(a: LagTopic, b: LagTopic): number {
  const [la, lb] = [BigInt(a.lag), BigInt(b.lag)];
  if (la !== lb) return la > lb ? -1 : 1;
  const [ta, tb] = [a.maxTimeLagSeconds ?? -1, b.maxTimeLagSeconds ?? -1];
  return tb - ta || a.topic.localeCompare(b.topic);
}

/** The `limit` topics with the most lag, then one "others" topic for the rest (when there is a rest). */
export function topTopics(topics: readonly LagTopic[], limit = TOP_TOPICS): ChartTopic[] {
  if (topics.length <= limit + 1) return [...topics];
  const sorted = [...topics].sort(byLagDesc);
  const rest = sorted.slice(limit);
  return [...sorted.slice(0, limit), fold(rest)];
}

function fold(topics: readonly LagTopic[]): ChartTopic {
  const byTime = new Map<number, TopicHistoryPoint>();
  for (const topic of topics)
    for (const p of topic.history) {
      const row = byTime.get(p.t) ?? { t: p.t, lag: null, timeLagSeconds: null };
      if (p.lag !== null) row.lag = (row.lag ?? 0) + p.lag;
      if (p.timeLagSeconds !== null) row.timeLagSeconds = Math.max(row.timeLagSeconds ?? 0, p.timeLagSeconds);
      byTime.set(p.t, row);
    }
  const timeLags = topics.flatMap((t) => (t.maxTimeLagSeconds === null ? [] : [t.maxTimeLagSeconds]));
  return {
    topic: `${topics.length} other topics`,
    lag: topics.reduce((sum, t) => sum + BigInt(t.lag), 0n).toString(),
    unknownPartitions: topics.reduce((sum, t) => sum + t.unknownPartitions, 0),
    maxTimeLagSeconds: timeLags.length === 0 ? null : Math.max(...timeLags),
    history: [...byTime.values()].sort((a, b) => a.t - b.t),
    folded: true,
  };
}
