/**
 * README's HTTP API table lists every route contract, one row each, so a new route cannot ship
 * undocumented. `/metrics` is listed too, though it serves Prometheus text rather than JSON.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/api/routes";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The backticked `METHOD /path` in the first column of the table under "## HTTP API". */
function documentedRoutes(): string[] {
  const section = /^## HTTP API\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => /^\| `([A-Z]+ [^`]+)`/.exec(line)?.[1] ?? line);
}

describe("README HTTP API table", () => {
  it("has one row per route contract, plus /metrics", () => {
    const contracts = API_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(documentedRoutes().sort()).toEqual([...contracts, "GET /metrics"].sort());
  });
});
