/**
 * The demo shop end to end on the real broker: HTTP in, the whole event chain through Kafka, retries with
 * growing delays, dead letters, re-drive, poison messages and a paused consumer. One shop for the file
 * (on topics of its own); the tests run in order and some build on the state the previous one left.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTraceparent } from "@/lib/decode";
import { buildRedriveHeaders } from "@/lib/dlq";
import { flattenHeaders } from "@/lib/model/raw-record";
import { type Accepted, mugs, startTestDemo, type TestDemo } from "./test-support/harness";
import { ofOrder, type Recorded, spanOf, traceOf } from "./test-support/recorder";

let demo: TestDemo;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const placeOrder = (body?: unknown) => demo.placeOrder(body);
const waitForStatus = (orderId: string, status: string) => demo.waitForStatus(orderId, status);

beforeAll(async () => {
  demo = await startTestDemo();
});

afterAll(async () => {
  await demo?.stop();
});

describe("the demo shop", () => {
  it("turns one HTTP order into the whole event chain: one trace, a new span per hop, causation links", async () => {
    const { topics } = demo.config;
    const accepted = await placeOrder();
    const { orderId, traceId } = accepted;
    expect(accepted.statusUrl).toBe(`${demo.system.gatewayUrl}/orders/${orderId}`);
    await demo.records.waitFor("OrderConfirmed", ofOrder(topics.ordersEvents, orderId, "OrderConfirmed"));

    const command = demo.records.one(topics.ordersCommands, orderId, "PlaceOrder");
    const placed = demo.records.one(topics.ordersEvents, orderId, "OrderPlaced");
    const authorized = demo.records.one(topics.paymentsEvents, orderId, "PaymentAuthorized");
    const reserved = demo.records.one(topics.inventoryEvents, orderId, "StockReserved");
    const confirmed = demo.records.one(topics.ordersEvents, orderId, "OrderConfirmed");
    const chain = [command, placed, authorized, reserved, confirmed];

    for (const hop of chain) {
      expect(traceOf(hop)).toBe(traceId);
      expect(hop.key).toBe(orderId);
      expect(hop.headers).toMatchObject({
        "correlation-id": orderId,
        ce_specversion: "1.0",
        ce_subject: orderId,
        "content-type": "application/json",
      });
      expect(hop.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(hop.headers.ce_time ?? "").toISOString()).toBe(hop.headers.ce_time);
      expect(JSON.parse(hop.value?.toString() ?? "")).toMatchObject({ orderId });
    }
    expect(new Set(chain.map(spanOf)).size).toBe(chain.length);
    expect(spanOf(command)).toBe(parseTraceparent(accepted.traceparent)?.parentId);
    expect(chain.map((hop) => hop.headers.ce_source)).toEqual([
      "gateway",
      "order-service",
      "payment-service",
      "inventory-service",
      "order-service",
    ]);

    expect(command.headers["causation-id"]).toMatch(/^req-/); // the HTTP request, not a Kafka message
    expect(placed.headers["causation-id"]).toBe(command.headers.ce_id);
    expect(authorized.headers["causation-id"]).toBe(placed.headers.ce_id);
    expect(reserved.headers["causation-id"]).toBe(placed.headers.ce_id);
    // Confirmation is caused by whichever of the two answers arrived last.
    expect([authorized.headers.ce_id, reserved.headers.ce_id]).toContain(confirmed.headers["causation-id"]);

    const state = await waitForStatus(orderId, "confirmed");
    expect(state).toMatchObject({ payment: "authorized", stock: "reserved", traceId, customerId: "cust-7" });
    await expect
      .poll(() => demo.emails.find((e) => e.correlationId === orderId))
      .toMatchObject({
        to: "cust-7@customers.example",
        traceId,
        causationId: confirmed.headers.ce_id,
      });
  });

  it("continues the caller's trace when the request carries a traceparent", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const res = await fetch(`${demo.system.gatewayUrl}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify(mugs),
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as Accepted;
    expect(body.traceId).toBe(traceId);
    expect(body.traceparent).not.toContain("00f067aa0ba902b7"); // the gateway's own span
  });

  it("answers a bad body with 400 and says what is wrong", async () => {
    const bad = await demo.request<{ error: { code: string; message: string; issues: unknown[] } }>(
      "POST",
      "/orders",
      { customerId: "", items: [{ sku: "sku-ceramic-mug", qty: 0 }], amount: "ten" },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_body");
    expect(bad.body.error.message).toMatch(/^invalid order: /);
    for (const field of ["customerId", "items.0.qty", "amount"])
      expect(bad.body.error.message).toContain(field);
    expect(bad.body.error.issues).toHaveLength(3);

    const notJson = await demo.request<{ error: { message: string } }>("POST", "/orders", "{not json");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe("the body is not valid JSON");

    const noItems = await demo.request<{ error: { message: string } }>("POST", "/orders", {
      ...mugs,
      items: [],
    });
    expect(noItems.body.error.message).toContain("items");

    const control = await demo.request<{ error: { message: string } }>("POST", "/control", {
      poisonRate: 2,
      x: 1,
    });
    expect(control.status).toBe(400);
    expect(control.body.error.message).toMatch(/poisonRate.*|.*x/);

    const unknown = await demo.request<{ error: { code: string } }>("GET", "/orders/no-such-order");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
  });

  let outage: Accepted[] = [];

  it("dead-letters each order exactly once after the configured attempts, with growing delays", async () => {
    const { topics, groups } = demo.config;
    const control = await demo.request("POST", "/control", { paymentOutage: true });
    expect(control.body).toMatchObject({ paymentOutage: true, rate: 0 });
    outage = await Promise.all([1, 2, 3].map(() => placeOrder()));
    const ids = outage.map((o) => o.orderId);
    const isLetter = (r: Recorded) => r.topic === topics.paymentsDlq && ids.includes(r.key ?? "");
    await demo.records.waitFor("dead letters", isLetter, ids.length);
    await sleep(1_000); // a duplicate would show up by now
    expect(demo.records.records.filter(isLetter)).toHaveLength(ids.length);

    for (const { orderId, traceId } of outage) {
      const placed = demo.records.one(topics.ordersEvents, orderId, "OrderPlaced");
      const retry1 = demo.records.one(topics.paymentsRetry[0], orderId, "OrderPlaced");
      const retry2 = demo.records.one(topics.paymentsRetry[1], orderId, "OrderPlaced");
      const letter = demo.records.one(topics.paymentsDlq, orderId, "OrderPlaced");

      expect(letter.headers).toMatchObject({
        "x-original-topic": topics.ordersEvents,
        "x-original-partition": String(placed.partition),
        "x-original-offset": placed.offset,
        "x-original-consumer-group": groups.payment,
        "x-error-type": "PaymentProviderUnavailable",
        "x-attempts": "3",
        // The original message's identity travels with it, so the trace continues and a re-drive is it.
        ce_id: placed.headers.ce_id,
        ce_source: "order-service",
        "correlation-id": orderId,
        "causation-id": placed.headers["causation-id"],
      });
      expect(letter.headers["x-error-message"]).toContain("payment provider unavailable");
      expect(Object.keys(letter.headers).some((k) => k.startsWith("x-retry-"))).toBe(false);
      expect(letter.value?.equals(placed.value ?? Buffer.alloc(0))).toBe(true);
      expect(
        Math.abs(Date.parse(letter.headers["x-first-failure-at"] ?? "") - retry1.timestamp),
      ).toBeLessThan(1_000);

      // Retry copies are not dead letters (no x-original-*/x-error-*): they count attempts on their own.
      expect(retry1.headers["x-retry-attempts"]).toBe("1");
      expect(retry2.headers["x-retry-attempts"]).toBe("2");
      expect(
        Object.keys(retry1.headers).some((k) => k.startsWith("x-original-") || k.startsWith("x-error-")),
      ).toBe(false);

      const hops = [placed, retry1, retry2, letter];
      for (const hop of hops) expect(traceOf(hop)).toBe(traceId);
      expect(new Set(hops.map(spanOf)).size).toBe(hops.length);

      const firstGap = retry2.timestamp - retry1.timestamp;
      const secondGap = letter.timestamp - retry2.timestamp;
      expect(firstGap).toBeGreaterThanOrEqual(demo.config.retryDelaysMs[0] - 50);
      expect(secondGap).toBeGreaterThanOrEqual(demo.config.retryDelaysMs[1] - 50);
      expect(secondGap).toBeGreaterThan(firstGap);

      expect(await waitForStatus(orderId, "placed")).toMatchObject({ payment: "pending", stock: "reserved" });
    }
  });

  it("completes a dead-lettered order when its letter is re-driven after the outage, charging once", async () => {
    const { topics } = demo.config;
    await demo.request("POST", "/control", { paymentOutage: false });
    const [redriven, waiting] = outage as [Accepted, Accepted];
    const letter = demo.records.one(topics.paymentsDlq, redriven.orderId, "OrderPlaced");
    const placedId = letter.headers.ce_id;
    // Exactly what the dashboard's re-drive sends: key, value, headers minus the dead-letter ones.
    const headers = buildRedriveHeaders(flattenHeaders(letter.headers), {
      dlqTopic: topics.paymentsDlq,
      partition: letter.partition,
      offset: letter.offset,
      redrivenAt: new Date().toISOString(),
      redrivenBy: "demo test",
    });
    const message = {
      key: letter.key ?? null,
      value: letter.value,
      headers: Object.fromEntries(headers.map((h) => [h.key, Buffer.from(h.value ?? new Uint8Array())])),
    };
    // Twice, as an impatient operator would: the second must not charge the customer again.
    await demo.producer.send({
      topic: letter.headers["x-original-topic"] ?? "",
      messages: [message, message],
    });

    await waitForStatus(redriven.orderId, "confirmed");
    await sleep(1_000);
    const payments = demo.records.records.filter(
      ofOrder(topics.paymentsEvents, redriven.orderId, "PaymentAuthorized"),
    );
    expect(payments).toHaveLength(1);
    expect(payments[0]?.headers["causation-id"]).toBe(placedId);
    expect(traceOf(demo.records.one(topics.ordersEvents, redriven.orderId, "OrderConfirmed"))).toBe(
      redriven.traceId,
    );
    expect((await demo.request("GET", `/orders/${waiting.orderId}`)).body.status).toBe("placed");
  });

  it("sends a poison message to notifications.DLQ and keeps notifying", async () => {
    const { topics } = demo.config;
    await demo.request("POST", "/control", { poisonRate: 1 });
    const poisoned = await demo.request<{ userId: string }>("POST", "/users", {
      name: "Ada",
      email: "ada@example.com",
    });
    expect(poisoned.status).toBe(202);
    const userId = poisoned.body.userId;
    const isLetter = (r: Recorded) => r.topic === topics.notificationsDlq && r.key === userId;
    const [letter] = await demo.records.waitFor("poison dead letter", isLetter);
    const original = demo.records.one(topics.usersEvents, userId, "UserRegistered");
    expect(letter?.headers).toMatchObject({
      "x-original-topic": topics.usersEvents,
      "x-original-partition": String(original.partition),
      "x-original-offset": original.offset,
      "x-error-type": "MalformedJson",
      "x-attempts": "1",
      ce_id: original.headers.ce_id,
    });
    expect(letter?.value?.equals(original.value ?? Buffer.alloc(0))).toBe(true);

    await demo.request("POST", "/control", { poisonRate: 0 });
    await demo.request("POST", "/users", { name: "Grace", email: "grace@example.com" });
    await expect
      .poll(() => demo.emails.some((e) => e.to === "grace@example.com"), { timeout: 10_000 })
      .toBe(true);
    expect(demo.emails.some((e) => e.to === "ada@example.com")).toBe(false);
  });

  it("holds orders while inventory is paused and completes them when it resumes", async () => {
    const { topics } = demo.config;
    await demo.request("POST", "/control", { inventoryPaused: true });
    const { orderId } = await placeOrder();
    await demo.records.waitFor(
      "PaymentAuthorized",
      ofOrder(topics.paymentsEvents, orderId, "PaymentAuthorized"),
    );
    await sleep(1_000);
    expect(demo.records.records.some(ofOrder(topics.inventoryEvents, orderId, "StockReserved"))).toBe(false);
    expect((await demo.request("GET", `/orders/${orderId}`)).body).toMatchObject({
      status: "placed",
      stock: "pending",
    });

    const resumed = await demo.request("POST", "/control", { inventoryPaused: false });
    expect(resumed.body.inventoryPaused).toBe(false);
    await waitForStatus(orderId, "confirmed");
  });
});
