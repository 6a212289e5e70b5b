/** kafkajs message → RawRecord: the bytes as received, headers flattened (a key may repeat). */
import type { KafkaMessage } from "kafkajs";
import { type RawRecord, flattenHeaders } from "@/lib/model/raw-record";

export function toRawRecord(topic: string, partition: number, message: KafkaMessage): RawRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key,
    value: message.value,
    headers: flattenHeaders(message.headers),
  };
}
