import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RedriveDryRunResponse, RedriveStartResponse } from "@/lib/api/dlq";
import type { TraceResponse } from "@/lib/api/traces";
import { type TestDemo, startTestDemo } from "@/demo/test-support/harness";
import { ALL_FEATURES } from "@/server/compose";
import { createDlqFeature } from "@/server/dlq";
import { ADMIN_TOKEN, signedIn, uniqueInternalTopics } from "@/server/dlq/testing/support";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, uniqueName } from "@/server/test-support/kafka";

let demo: TestDemo;
let app: TestApp;

const getTrace = async (id: string) => {
  const res = await fetch(`${app.url}/api/traces/${encodeURIComponent(id)}`);
  return { status: res.status, body: (await res.json()) as TraceResponse & { error?: { message: string } } };
};

const order = { customerId: "c-42", items: [{ sku: "sku-ceramic-mug", qty: 1 }], amount: 9.9 };

beforeAll(async () => {
  // Its own re-drive ledger, so a re-drive here never meets another run's. Created here, waiting for
  // leaders: the DLQ feature's own creation can fail on a metadata call that races the new topics.
  const internal = uniqueInternalTopics();
  await createTestTopics(...Object.values(internal).map((topic) => ({ topic, numPartitions: 1 })));
  app = await startTestApp(
    testConfig({
      KAFKA_CLIENT_ID: uniqueName("es-traces"),
      EVENTSCOPE_LOOKBACK: "1m",
      EVENTSCOPE_LAG_INTERVAL: "1s",
      EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
      EVENTSCOPE_DLQ_SCAN_INTERVAL: "500ms",
    }),
    { ...ALL_FEATURES, dlq: createDlqFeature(internal) },
  );
  demo = await startTestDemo();
}, 90_000);

afterAll(async () => {
  await demo?.stop();
  await app?.close();
});

describe("GET /api/traces/:id", () => {
  it("returns every hop of an order placed through the gateway, in causal order, with the right services", async () => {
    const placed = await demo.request<{ orderId: string; traceId: string; traceparent: string }>(
      "POST",
      "/orders",
      order,
    );
    expect(placed.status).toBe(202);
    const { traceId, orderId } = placed.body;
    await eventually(
      async () =>
        (await demo.request<{ status: string }>("GET", `/orders/${orderId}`)).body.status === "confirmed"
          ? true
          : undefined,
      30_000,
      "the order to be confirmed",
    );
    // notification-service only consumes (it sends e-mail): its hop is OrderConfirmed being consumed by its
    // group, which the lag poller sees as a commit. Wait until that is in too.
    const trace = await eventually(
      async () => {
        const r = await getTrace(traceId);
        const notified = r.body.trace?.hops.some((h) =>
          h.consumers.some((c) => c.group?.endsWith("notification-service")),
        );
        return r.status === 200 && notified ? r.body : undefined;
      },
      45_000,
      "the whole trace in the index",
    );
    expect(trace.query.matchedBy).toBe("trace-id");
    expect(trace.trace.traceId).toBe(traceId);
    expect(new Set(trace.summary.services)).toEqual(
      new Set(["gateway", "order-service", "payment-service", "inventory-service"]),
    );
    const hops = trace.trace.hops;
    expect(hops[0]?.service).toBe("gateway");
    expect(hops[0]?.parentId).toBeNull();
    const position = new Map(hops.map((h, i) => [h.id, i]));
    for (const hop of hops.slice(1)) {
      expect(hop.parentId, `${hop.eventType} has a parent`).not.toBeNull();
      expect(position.get(hop.parentId!)!, `${hop.eventType} comes after its cause`).toBeLessThan(
        position.get(hop.id)!,
      );
      expect(hop.parentVia).toBe("causation");
    }
    const types = hops.map((h) => h.eventType);
    expect(types).toEqual(
      expect.arrayContaining(["OrderPlaced", "PaymentAuthorized", "StockReserved", "OrderConfirmed"]),
    );
    expect(types.indexOf("OrderPlaced")).toBeLessThan(types.indexOf("OrderConfirmed"));

    const byTraceparent = await getTrace(placed.body.traceparent);
    expect(byTraceparent.status).toBe(200);
    expect(byTraceparent.body.trace.hops.map((h) => h.id)).toEqual(hops.map((h) => h.id));
    const byCorrelation = await getTrace(orderId);
    expect(byCorrelation.status).toBe(200);
    expect(byCorrelation.body.query.matchedBy).toBe("correlation-id");
    expect(byCorrelation.body.trace.hops.length).toBeGreaterThanOrEqual(hops.length);

    const list = (await (
      await fetch(`${app.url}/api/traces?service=inventory-service&limit=200`)
    ).json()) as { traces: { traceId: string }[] };
    expect(list.traces.map((t) => t.traceId)).toContain(traceId);
  }, 90_000);

  it("answers an unknown id with a 404 that says which time window the store covers", async () => {
    const r = await getTrace("ffffffffffffffffffffffffffffffff");
    expect(r.status).toBe(404);
    expect(r.body.error?.message).toMatch(/not|No trace/);
    expect(r.body.error?.message).toMatch(/store covers \d{4}-\d\d-\d\dT.* to \d{4}-\d\d-\d\dT/);
  });

  it("marks an order that hit the payment outage with a dead-letter hop linking to its DLQ entry", async () => {
    demo.system.control.update({ paymentOutage: true });
    const placed = await demo.request<{ traceId: string }>("POST", "/orders", order);
    const trace = await eventually(
      async () => {
        const r = await getTrace(placed.body.traceId);
        return r.status === 200 && r.body.summary.hasDeadLetter ? r.body : undefined;
      },
      30_000,
      "the dead letter in the trace",
    );
    demo.system.control.update({ paymentOutage: false });
    const dlqHop = trace.trace.hops.find((h) => h.deadLetter)!;
    expect(dlqHop.topic).toBe(demo.config.topics.paymentsDlq);
    expect(trace.summary.status).toBe("error");
    expect(trace.deadLetterLinks[dlqHop.id]).toBe(
      `/dlq/${encodeURIComponent(dlqHop.topic)}?letter=${encodeURIComponent(dlqHop.id)}`,
    );
  }, 60_000);

  it("says recovered after re-drive once the dead-lettered order is re-driven and consumed again, and gives the dead letter to the group that gave up", async () => {
    demo.system.control.update({ paymentOutage: true });
    const placed = await demo.request<{ traceId: string }>("POST", "/orders", order);
    const dead = await eventually(
      async () => {
        const r = await getTrace(placed.body.traceId);
        return r.status === 200 && r.body.summary.hasDeadLetter ? r.body : undefined;
      },
      30_000,
      "the dead letter in the trace",
    );
    demo.system.control.update({ paymentOutage: false });
    expect(dead.summary.status).toBe("error");
    const letter = dead.trace.hops.find((h) => h.deadLetter)!;

    const admin = await signedIn(app.url);
    const path = `/api/dlq/${encodeURIComponent(letter.topic)}/redrive`;
    // The DLQ reader may not have loaded the new letter yet: the dry run says when it would be sent.
    await eventually(
      async () => {
        const res = await admin.post<RedriveDryRunResponse>(path, { ids: [letter.id], dryRun: true });
        return res.status === 200 && res.body.plan.toSend === 1 ? true : undefined;
      },
      20_000,
      "the dead letter to be re-drivable",
    );
    const started = await admin.post<RedriveStartResponse>(path, { ids: [letter.id] });
    expect(started.status, JSON.stringify(started.body)).toBeLessThan(300);
    const recovered = await eventually(
      async () => {
        const r = await getTrace(placed.body.traceId);
        return r.status === 200 && r.body.summary.status === "recovered" ? r.body : undefined;
      },
      40_000,
      'the trace to say "recovered after re-drive"',
    );
    const dlqHop = recovered.trace.hops.find((h) => h.id === letter.id)!;
    expect(dlqHop).toMatchObject({ deadLetter: true, recoveredByRedrive: true, status: "error" });
    // The dead letter is payment-service's work (its x-original-consumer-group header says so), not that
    // of order-service, whose service header the copy still carries.
    expect(dlqHop.copy).toEqual({
      kind: "dead-letter",
      gaveUpGroup: demo.config.groups.payment,
      groupFrom: "dead-letter",
      originalProducer: "order-service",
    });
    const copy = recovered.trace.hops.find((h) => h.parentId === letter.id && h.parentVia === "copy")!;
    expect(copy.deadLetter).toBe(false);
    expect(copy.consumedAt).not.toBeNull();
    expect(copy.copy).toMatchObject({ kind: "redrive", originalProducer: "order-service" });
    // The list's summaries are cached for up to 5 s, so it may say so a little later than the trace.
    await eventually(
      async () => {
        const res = await fetch(`${app.url}/api/traces?status=recovered&limit=200`);
        const list = (await res.json()) as { traces: { traceId: string }[] };
        return list.traces.some((t) => t.traceId === placed.body.traceId) ? true : undefined;
      },
      15_000,
      "the trace in the list of recovered traces",
    );
  }, 60_000);
});
