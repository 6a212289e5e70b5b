/**
 * API request durations, labelled with the route template (`/api/lag/:group`), never the raw path: one
 * series per route, however many groups or traces are looked up.
 */
import type { ServerResponse } from "node:http";
import { Histogram, type Registry } from "prom-client";
import type { Handler, Router } from "@/server/http/router";

export type RequestTimer = (method: string, route: string, res: ServerResponse) => void;

export function requestTimer(registry: Registry): RequestTimer {
  const histogram = new Histogram({
    name: "eventscope_http_request_duration_seconds",
    help: "Time to answer an API request, by method, route template and status code",
    labelNames: ["method", "route", "status_code"],
    registers: [registry],
  });
  return (method, route, res) => {
    const started = process.hrtime.bigint();
    // "finish" also fires for the router's error answers, so failed requests are timed with their status.
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      histogram.observe({ method, route, status_code: res.statusCode }, seconds);
    });
  };
}

/**
 * Times every route registered on `router` from now on. The router matches routes itself and keeps its
 * table private, so the template is captured where it is known: when a feature registers its handler.
 * Start this before the features that register routes.
 */
export function timeRoutes(router: Router, time: RequestTimer): void {
  const wrap =
    (method: string, route: string, handler: Handler): Handler =>
    (ctx) => {
      time(method, route, ctx.res);
      return handler(ctx);
    };
  const get = router.get.bind(router);
  const post = router.post.bind(router);
  router.get = (path, handler) => get(path, wrap("GET", path, handler));
  router.post = (path, handler) => post(path, wrap("POST", path, handler));
}
