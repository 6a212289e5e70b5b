import type { ParentVia, TraceHop } from "@/lib/traces";
import { formatFullTimestamp } from "@/components/events/format";
import { formatDuration } from "@/components/traces/trace-format";
import { copyTitle } from "@/components/traces/waterfall-markers";
import styles from "@/components/traces/hop-detail.module.css";
import { Fact, FactList, IdFact, Mono } from "@/components/ui/fact-list";

const parentVia: Record<ParentVia, string> = {
  "dead-letter-origin": "dead letter of",
  copy: "copy (retry / re-drive) of",
  causation: "caused by",
  span: "same span as",
  time: "after (inferred from time order)",
};

const ms = (value: number | null) =>
  value === null ? <span className={styles.muted}>unknown</span> : formatDuration(value);

/** Where the record sits in Kafka, when it was produced, how long it waited and worked, and why it is here. */
export function HopFacts({ hop, traceStart }: { hop: TraceHop; traceStart: number | null }) {
  const { event } = hop;
  return (
    <FactList className={styles.facts}>
      <Fact label="Topic" testId="hop-topic">
        <Mono>
          {hop.topic} · partition {event.partition} · offset {event.offset}
        </Mono>
      </Fact>
      <Fact label="Produced at" testId="hop-produced-at">
        {formatFullTimestamp(hop.producedAt)}
        {traceStart !== null ? (
          <span className={styles.muted}> · +{formatDuration(hop.producedAt - traceStart)}</span>
        ) : null}
      </Fact>
      <Fact label="Queue time">{ms(hop.queueMs)}</Fact>
      <Fact label="Processing">{ms(hop.processingMs)}</Fact>
      <Fact label="Hop duration">{formatDuration(hop.durationMs)}</Fact>
      {hop.parentId ? (
        <Fact label="Parent">
          {parentVia[hop.parentVia ?? "causation"]} <Mono>{hop.parentId}</Mono>
        </Fact>
      ) : null}
      {hop.copy ? (
        <>
          <Fact label="Made by" testId="hop-copy-made-by">
            {hop.copy.kind === "redrive" ? (
              "a re-drive out of the dead-letter topic"
            ) : hop.copy.gaveUpGroup ? (
              <span title={copyTitle(hop.copy)}>
                group <Mono>{hop.copy.gaveUpGroup}</Mono>, which gave up on it
                <span className={styles.muted}>
                  {" "}
                  (
                  {hop.copy.groupFrom === "dead-letter" ? "named by the dead letter" : "it read the original"}
                  )
                </span>
              </span>
            ) : (
              <span className={styles.muted}>a consumer group that is not known</span>
            )}
          </Fact>
          <Fact label="Original producer" testId="hop-original-producer">
            {hop.copy.originalProducer ?? <span className={styles.muted}>unknown</span>}
          </Fact>
        </>
      ) : null}
      {hop.deadLetter ? (
        <Fact label="Re-driven" testId="hop-recovered">
          {hop.recoveredByRedrive
            ? "yes, and the re-driven copy was consumed again"
            : "not yet (or its re-driven copy has not been consumed)"}
        </Fact>
      ) : null}
      {hop.missingParent ? (
        <Fact label="Parent">
          <span className={styles.muted}>
            caused by a message Eventscope does not hold ({event.causationId})
          </span>
        </Fact>
      ) : null}
      {hop.link !== "same-trace" ? (
        <Fact label="Joined via">
          {hop.link === "causation-link" ? "causation link from another trace" : "shared correlation id"}
          {event.traceId ? (
            <>
              {" "}
              · trace <Mono>{event.traceId}</Mono>
            </>
          ) : null}
        </Fact>
      ) : null}
      <IdFact label="Message id" id={event.messageId} />
      <IdFact label="Correlation id" id={event.correlationId} />
      {event.decodeError ? (
        <Fact label="Decode error">
          <span className={styles.error}>{event.decodeError}</span>
        </Fact>
      ) : null}
    </FactList>
  );
}
