/**
 * The gateway's endpoints. POST /orders and POST /users validate the body, send a command to Kafka and
 * answer 202 Accepted at once with the ids and the trace (the HTTP → async hand-off); the outcome is
 * asynchronous and readable at GET /orders/:id. /control reads and changes the failure injection.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { contracts } from "../contracts";
import { controlPatchSchema, type Control } from "../control";
import { rootOrigin } from "../messaging/envelope";
import type { Publisher } from "../messaging/publisher";
import type { DemoTopics } from "../config";
import { HttpError, readJson, Router, sendJson, validate } from "./http";
import type { OrderViews } from "./order-view";

const orderRequest = contracts.PlaceOrder.omit({ orderId: true });
const userRequest = contracts.RegisterUser.omit({ userId: true });

export interface GatewayDeps {
  publisher: Publisher;
  topics: DemoTopics;
  views: OrderViews;
  control: Control;
  /** The gateway's own address, for absolute status URLs. */
  baseUrl: () => string;
  viewLookbackMs: number;
}

/** The HTTP request as the cause of the command: its X-Request-Id, or a new id (returned to the client). */
function requestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{1,200}$/.test(given) ? given : `req-${randomUUID()}`;
}

function clientTraceparent(req: IncomingMessage): string | undefined {
  const value = req.headers.traceparent;
  return typeof value === "string" ? value : undefined;
}

export function gatewayRoutes(deps: GatewayDeps): Router {
  const { publisher, topics, views, control, baseUrl } = deps;
  const remembered = `accepted by this gateway or seen in the events of the last ${Math.round(deps.viewLookbackMs / 60_000)} min`;
  return new Router()
    .on("POST", "/orders", async ({ req, res }) => {
      const body = validate(orderRequest, await readJson(req), "order");
      const orderId = randomUUID();
      const causationId = requestId(req);
      const origin = rootOrigin({ correlationId: orderId, causationId, traceparent: clientTraceparent(req) });
      const sent = await publisher.publish({
        topic: topics.ordersCommands,
        key: orderId,
        type: "PlaceOrder",
        data: { orderId, ...body },
        origin,
      });
      views.accepted(orderId, origin.traceId, { customerId: body.customerId, amount: body.amount });
      const statusUrl = `${baseUrl()}/orders/${orderId}`;
      const reply = { orderId, traceId: origin.traceId, traceparent: sent.traceparent, statusUrl };
      sendJson(res, 202, reply, { location: statusUrl, "x-request-id": causationId });
    })
    .on("POST", "/users", async ({ req, res }) => {
      const body = validate(userRequest, await readJson(req), "user");
      const userId = randomUUID();
      const causationId = requestId(req);
      const origin = rootOrigin({ correlationId: userId, causationId, traceparent: clientTraceparent(req) });
      const sent = await publisher.publish({
        topic: topics.usersCommands,
        key: userId,
        type: "RegisterUser",
        data: { userId, ...body },
        origin,
      });
      sendJson(
        res,
        202,
        { userId, traceId: origin.traceId, traceparent: sent.traceparent },
        { "x-request-id": causationId },
      );
    })
    .on("GET", "/orders/:id", async ({ res, params }) => {
      const order = views.get(params.id ?? "");
      if (!order) {
        throw new HttpError(
          404,
          "not_found",
          `unknown order ${params.id}: the gateway knows orders ${remembered}`,
        );
      }
      sendJson(res, 200, order);
    })
    .on("GET", "/control", async ({ res }) => sendJson(res, 200, control.state))
    .on("POST", "/control", async ({ req, res }) => {
      const patch = validate(controlPatchSchema, await readJson(req), "control change");
      sendJson(res, 200, control.update(patch));
    })
    .on("GET", "/", async ({ res }) =>
      sendJson(res, 200, {
        service: "gateway",
        endpoints: ["POST /orders", "GET /orders/:id", "POST /users", "GET /control", "POST /control"],
        control: Object.keys(control.state),
      }),
    );
}
