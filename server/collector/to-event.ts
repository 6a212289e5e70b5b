/** kafkajs message → EventRecord, through the pure decoder. Never throws: a record is never dropped. */
import type { KafkaMessage } from "kafkajs";
import { type DecodeOptions, decodeRecord } from "@/lib/decode";
import type { EventRecord } from "@/lib/model/event";
import { flattenHeaders } from "@/lib/model/raw-record";

export function toEventRecord(
  topic: string,
  partition: number,
  message: KafkaMessage,
  options: Partial<DecodeOptions>,
): EventRecord {
  const base = { topic, partition, offset: message.offset, timestamp: message.timestamp };
  try {
    return decodeRecord(
      { ...base, key: message.key, value: message.value, headers: flattenHeaders(message.headers) },
      options,
    );
  } catch (error) {
    // decodeRecord is built not to throw; this is the last line of defence, keeping the record visible.
    const bare = decodeRecord({ ...base, key: null, value: null, headers: [] }, options);
    return {
      ...bare,
      decodeError: `could not decode record: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
