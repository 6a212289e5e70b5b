/**
 * What the evaluator saw at one instant, as plain data. A source that is unavailable (its feature does not
 * run, or its last read failed) is `null`: alerts fed by it keep their state instead of resolving, since
 * "we cannot see" is not "it is fine".
 */
import type { GroupStatusValue } from "@/lib/api/lag";

export interface GroupObservation {
  id: string;
  maxTimeLagSeconds: number | null;
  status: GroupStatusValue | null;
  /** Partitions Burrow calls STOP, STALL or REWIND. */
  errPartitions: number;
}

export interface DlqObservation {
  topic: string;
  pending: number;
}

export interface TopicRateObservation {
  topic: string;
  perSec: number;
}

export interface CollectorObservation {
  /** Records behind the end of the log, summed over partitions. */
  lag: number;
  /** Records read per second over the last few seconds, all topics together. */
  perSec: number;
}

export interface Observations {
  groups: GroupObservation[] | null;
  dlqTopics: DlqObservation[] | null;
  /** Topics the collector read records of recently; a topic that is absent read none. */
  topicRates: TopicRateObservation[] | null;
  collector: CollectorObservation | null;
}
