/** Produces one JSON event with the full envelope (trace, correlation, causation, CloudEvents headers). */
import type { IHeaders, Producer } from "kafkajs";
import { type EventHeaders, eventHeaders, type Origin } from "./envelope";

export interface PublishRequest {
  topic: string;
  /** The message key: the order id (or user id), so one conversation stays in one partition, in order. */
  key: string;
  type: string;
  data: unknown;
  origin: Origin;
  /** Replaces the JSON encoding of `data`: another encoding (Avro), or a buggy producer's corrupted bytes. */
  rawValue?: Buffer;
  /** The content-type header for a `rawValue` that is not JSON. */
  contentType?: string;
}

export interface Published {
  id: string;
  traceparent: string;
  headers: EventHeaders;
}

export interface Publisher {
  readonly source: string;
  publish(request: PublishRequest): Promise<Published>;
  /** Produces a record as given (retry and dead-letter copies keep the original value and headers). */
  forward(
    topic: string,
    record: { key: string | null; value: Buffer | null; headers: IHeaders },
  ): Promise<void>;
}

export function createPublisher(producer: Producer, source: string): Publisher {
  return {
    source,
    async publish({ topic, key, type, data, origin, rawValue, contentType }) {
      const headers = eventHeaders(origin, { source, type, subject: key });
      if (contentType) headers["content-type"] = contentType;
      const value = rawValue ?? JSON.stringify(data);
      await producer.send({ topic, messages: [{ key, value, headers }] });
      return { id: headers.ce_id, traceparent: headers.traceparent, headers };
    },
    async forward(topic, { key, value, headers }) {
      await producer.send({ topic, messages: [{ key, value, headers }] });
    },
  };
}
