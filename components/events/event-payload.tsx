import type { DecodedPayload } from "@/lib/model/event";
import { formatBytes, formatHexDump } from "@/components/events/format";
import { PayloadSchemaInfo } from "@/components/events/payload-schema";
import styles from "@/components/events/drawer.module.css";

/** Pretty JSON when it parsed, text as-is, binary as a hex dump. Always rendered as text, never as HTML. */
function payloadText(payload: DecodedPayload): string {
  if (payload.kind === "json" && payload.json !== undefined) return JSON.stringify(payload.json, null, 2);
  if (payload.kind === "binary") return formatHexDump(payload.text);
  return payload.text;
}

const kindLabel: Record<DecodedPayload["kind"], string> = {
  json: "JSON",
  text: "text",
  binary: "binary (hex)",
  empty: "empty",
};

export function EventPayload({ payload, testId }: { payload: DecodedPayload; testId: string }) {
  return (
    <div className={styles.payload} data-testid={testId}>
      <div className={styles.payloadMeta}>
        {/* A decoded registry payload is named by its schema's format (Avro, Protobuf) instead. */}
        {payload.schema ? null : <span className={styles.badge}>{kindLabel[payload.kind]}</span>}
        <span>{formatBytes(payload.size)}</span>
        <PayloadSchemaInfo payload={payload} testId={testId} />
        {payload.truncated ? (
          <span className={styles.badge} data-tone="warn" data-testid={`${testId}-truncated`}>
            truncated — showing the first part only
          </span>
        ) : null}
      </div>
      {payload.kind === "empty" ? (
        <p className={styles.muted}>No bytes.</p>
      ) : (
        <pre className={styles.code} data-kind={payload.kind}>
          {payloadText(payload)}
        </pre>
      )}
    </div>
  );
}
