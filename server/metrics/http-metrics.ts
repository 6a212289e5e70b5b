/**
 * API request durations, labelled with the route template (`/api/lag/:group`), never the raw path: one
 * series per route, however many groups or traces are looked up.
 */
import type { ServerResponse } from "node:http";
import { Histogram, type Registry } from "prom-client";

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
