import { describeHostileCases, type HostileCase } from "@/server/test-support/hostile";

const XSS = '<img src=x onerror="globalThis.__hostile=1">';
const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

/** Headers: names and values that break the conventions Eventscope decodes (trace context, CloudEvents, DLQ). */
const cases: HostileCase[] = [
  {
    name: "invalid UTF-8 header value",
    value: "{}",
    headers: { "x-bin": Buffer.from([0xff, 0xfe, 0x00, 0xc3]) },
  },
  { name: "unpaired surrogate in a header name", value: "{}", headers: { "x-\ud800-name": "v" } },
  {
    name: "repeated header keys, including traceparent",
    value: "{}",
    headers: {
      "x-dup": ["a", "b", "c"],
      traceparent: [
        `00-${TRACE}-00f067aa0ba902b7-01`,
        "00-ffffffffffffffffffffffffffffffff-00f067aa0ba902b7-01",
      ],
    },
  },
  { name: "traceparent that is not hex", value: "{}", headers: { traceparent: "00-zzzz-yyyy-01" } },
  {
    name: "all-zero and version-ff traceparent",
    value: "{}",
    headers: {
      traceparent: "ff-00000000000000000000000000000000-0000000000000000-01",
      tracestate: "a=b,".repeat(500),
    },
  },
  { name: "10 KB traceparent", value: "{}", headers: { traceparent: `00-${TRACE}-${"a".repeat(10_000)}` } },
  {
    name: "malformed B3 single and multi headers",
    value: "{}",
    headers: { b3: "---", "X-B3-TraceId": "f".repeat(64), "X-B3-SpanId": "not-hex", "X-B3-Sampled": "maybe" },
  },
  {
    name: "malformed CloudEvents binary headers",
    value: "{}",
    headers: {
      ce_specversion: "99",
      ce_id: "x".repeat(10_000),
      ce_time: "not-a-date",
      ce_source: "",
      ce_type: XSS,
    },
  },
  {
    name: "structured CloudEvent that is not JSON",
    value: '{"specversion":"1.0","id":',
    headers: { "content-type": "application/cloudevents+json" },
  },
  {
    name: "structured CloudEvent with fields of the wrong type",
    value: '{"specversion":1,"id":{"$gt":""},"source":null,"type":123,"traceparent":["x"]}',
    headers: { "content-type": "application/cloudevents+json; charset=utf-8" },
  },
  {
    name: "XSS in correlation, causation and message ids",
    value: "{}",
    headers: {
      "correlation-id": XSS,
      "causation-id": "</script><script>1</script>",
      "message-id": "javascript:1",
    },
  },
  { name: "XSS in a header name", value: "{}", headers: { [XSS]: "v", "</script><script>": "v" } },
  {
    name: "XSS in header values",
    value: "{}",
    headers: { "x-link": "javascript:globalThis.__hostile=1", service: XSS },
  },
  {
    name: "dead-letter headers with malformed binary numbers",
    value: "{}",
    headers: {
      "kafka_dlt-original-topic": XSS,
      "kafka_dlt-original-partition": Buffer.from([0x01, 0x02]),
      "kafka_dlt-original-offset": Buffer.from([0xff, 0xff, 0xff]),
    },
  },
  {
    name: "huge and negative numbers in dead-letter headers",
    value: "{}",
    headers: {
      "x-original-topic": "orders",
      "x-original-partition": "99999999999999999999999",
      "x-original-offset": "-5",
      "x-attempts": "1e400",
    },
  },
  {
    name: "control characters in header names and values",
    value: "{}",
    headers: { "x-ctl\u0000\u001b[31m": "a\r\nSet-Cookie: x=1\u0000\u0007", "x-rtl": "\u202etxt.exe" },
  },
  { name: "1 MB header value", value: "{}", headers: { "x-big": "h".repeat(1024 * 1024) } },
];

describeHostileCases("hostile headers", cases, { maxMessageBytes: 8 * 1024 * 1024 });
