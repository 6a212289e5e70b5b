import type { DecodedPayload, PayloadSchema } from "@/lib/model/event";
import styles from "@/components/events/drawer.module.css";

const formatLabel: Record<PayloadSchema["format"], string> = {
  avro: "Avro",
  protobuf: "Protobuf",
  json: "JSON Schema",
};

/**
 * Beside a key or value in a schema registry's wire format: the schema that decoded it (format, subject,
 * version, id), or why it is shown as bytes instead.
 */
export function PayloadSchemaInfo({ payload, testId }: { payload: DecodedPayload; testId: string }) {
  if (payload.schema) {
    const { format, subject, version, id } = payload.schema;
    return (
      <span className={styles.badge} data-testid={`${testId}-schema`}>
        {formatLabel[format]} · {subject ?? "unknown subject"}
        {version !== null ? ` v${version}` : ""} · schema id {id}
      </span>
    );
  }
  if (payload.notDecoded) {
    return (
      <span className={styles.badge} data-tone="warn" data-testid={`${testId}-not-decoded`}>
        not decoded: {payload.notDecoded}
      </span>
    );
  }
  return null;
}
