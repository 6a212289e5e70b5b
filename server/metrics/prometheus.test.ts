/**
 * `GET /metrics` scraped by a real Prometheus: a consumer group the test creates shows up in PromQL with
 * its lag per partition and per topic (kafka-lag-exporter's names), its Burrow status and time to drain;
 * Eventscope's own groups stay out; API durations are labelled with the route template.
 */
import { afterEach, describe, expect, it } from "vitest";
import { lagFeature } from "@/server/lag";
import { metricsFeature } from "@/server/metrics/feature";
import {
  type PrometheusSample,
  type TestPrometheus,
  startPrometheus,
} from "@/server/metrics/testing/prometheus";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";

let app: TestApp | null = null;
let prometheus: TestPrometheus | null = null;
afterEach(async () => {
  await prometheus?.stop();
  await app?.close();
  [app, prometheus] = [null, null];
});

// Prometheus writes infinity as "+Inf", which Number() does not read.
const valueOf = (samples: PrometheusSample[]) =>
  samples.map((s) => (s.value[1] === "+Inf" ? Number.POSITIVE_INFINITY : Number(s.value[1])));

describe("GET /metrics scraped by Prometheus", () => {
  it("answers PromQL with the lag of a real consumer group", async () => {
    const topic = uniqueName("metrics-orders");
    const group = uniqueName("metrics-billing");
    await createTestTopics({ topic, numPartitions: 2 });
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `order-${i}` })),
    });
    await producer.disconnect();
    // The group has read 2 of the 5 records on each partition: 3 + 3 behind.
    await withAdmin((admin) =>
      admin.setOffsets({
        groupId: group,
        topic,
        partitions: [0, 1].map((partition) => ({ partition, offset: "2" })),
      }),
    );

    app = await startTestApp(testConfig({ EVENTSCOPE_LAG_INTERVAL: "500ms" }), {
      metrics: metricsFeature,
      lag: lagFeature,
    });
    await fetch(`${app.url}/api/lag/${encodeURIComponent(group)}`);
    prometheus = await startPrometheus(new URL(app.url).host);
    const promql = prometheus;

    const perTopic = await eventually(
      async () => {
        const result = await promql.query(`kafka_consumergroup_group_topic_sum_lag{group="${group}"}`);
        return result.length > 0 ? result : undefined;
      },
      30_000,
      `a lag series for ${group} in Prometheus`,
    );
    expect(perTopic[0]?.metric).toMatchObject({ group, topic, job: "eventscope" });
    expect(valueOf(perTopic)).toEqual([6]);

    const perPartition = await promql.query(`kafka_consumergroup_group_lag{group="${group}"}`);
    expect(perPartition.map((s) => [s.metric.partition, Number(s.value[1])]).sort()).toEqual([
      ["0", 3],
      ["1", 3],
    ]);
    expect(valueOf(await promql.query(`sum(kafka_partition_latest_offset{topic="${topic}"})`))).toEqual([10]);
    const status = await promql.query(`eventscope_consumergroup_status{group="${group}"}`);
    expect(status).toHaveLength(1);
    expect(status[0]?.metric.status).toMatch(/^(OK|WARN|ERR)$/);
    // Nothing is written and nothing read: the lag is a backlog that never drains at this pace.
    expect(
      valueOf(await promql.query(`eventscope_consumergroup_topic_drain_seconds{group="${group}"}`)),
    ).toEqual([Number.POSITIVE_INFINITY]);
    // Eventscope's own groups (named after KAFKA_CLIENT_ID) are not the user's consumers.
    expect(await promql.query(`kafka_consumergroup_group_lag{group=~"eventscope-.*"}`)).toEqual([]);

    const routes = await promql.query(
      `eventscope_http_request_duration_seconds_count{route="/api/lag/:group"}`,
    );
    expect(routes.map((s) => s.metric.status_code)).toEqual(["200"]);
    expect(
      await promql.query(`eventscope_http_request_duration_seconds_count{route=~".*${group}.*"}`),
    ).toEqual([]);
    expect(valueOf(await promql.query(`up{job="eventscope"}`))).toEqual([1]);
    expect((await promql.query("process_resident_memory_bytes")).length).toBe(1);
  });

  it("serves the Prometheus text format and still hands every other path to the app", async () => {
    app = await startTestApp(testConfig(), { metrics: metricsFeature, lag: lagFeature });
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain("# TYPE eventscope_build_info gauge");
    expect(text).toContain('eventscope_build_info{version="test"} 1');
    expect(text).toContain("# TYPE nodejs_heap_size_used_bytes gauge");
    expect((await fetch(`${app.url}/metrics`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${app.url}/api/lag`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/nope`)).status).toBe(404);
  });
});
