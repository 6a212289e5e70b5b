/**
 * Every environment variable server/config.ts reads is documented in README's configuration table, so a
 * new setting cannot ship undocumented. The schema's keys are read from the source: adding a variable
 * there without a README row fails here, naming it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");

/** The keys of `envSchema = z.object({ … })`, plus any `process.env.NAME` read elsewhere in the file. */
function variablesReadBy(source: string): string[] {
  const schema = /const envSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source)?.[1] ?? "";
  const keys = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] ?? "");
  const direct = [...source.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1] ?? "");
  return [...new Set([...keys, ...direct])].sort();
}

/** Backticked variable names in the first column of the table under "## Configuration". */
function variablesDocumentedIn(readme: string): string[] {
  const section = /^## Configuration\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? "";
  const firstCells = section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) => line.split("|")[1] ?? "");
  return [
    ...new Set(
      firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] ?? "")),
    ),
  ];
}

describe("README's configuration table", () => {
  it("finds the variables on both sides (the parsers themselves work)", () => {
    const readBy = variablesReadBy(read("server/config.ts"));
    expect(readBy).toEqual(
      expect.arrayContaining(["KAFKA_BROKERS", "EVENTSCOPE_PORT", "EVENTSCOPE_LOG_LEVEL"]),
    );
    expect(readBy.length).toBeGreaterThan(15);
    expect(variablesDocumentedIn(read("README.md"))).toEqual(
      expect.arrayContaining(["KAFKA_BROKERS", "KAFKA_SASL_PASSWORD"]),
    );
  });

  it("lists every environment variable server/config.ts reads", () => {
    const documented = new Set(variablesDocumentedIn(read("README.md")));
    const undocumented = variablesReadBy(read("server/config.ts")).filter((name) => !documented.has(name));
    expect(undocumented, "add a row to README's Configuration table for each").toEqual([]);
  });

  it("documents no variable the code no longer reads", () => {
    const readBy = new Set(variablesReadBy(read("server/config.ts")));
    const stale = variablesDocumentedIn(read("README.md")).filter((name) => !readBy.has(name));
    expect(stale, "remove or rename these rows of README's Configuration table").toEqual([]);
  });
});
