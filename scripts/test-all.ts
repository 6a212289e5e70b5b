/**
 * `npm test` — every check a change must pass, in the order that fails fastest: typecheck, lint, format,
 * unit; then two lanes side by side: integration (real broker on 9092) and UI build → `npm start` check →
 * end-to-end (their own broker on 19092 + Chromium); then the benchmark smoke run. The lanes share
 * nothing (brokers, ports, databases and Redis channels are their own) and spend much of their time
 * waiting on Kafka and the browser, so running them together saves minutes; each line of a lane's
 * output is prefixed with its name. Runs every check even when one fails, so a CI reader sees every
 * problem at once, then prints one closing line with the totals.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "./kafka/paths";
import { ensureSystemPackages } from "./system-packages";

interface StepResult {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  seconds: number;
  /** Names of the tests that failed, printed again in the summary: a CI log is often read from its end. */
  failures?: string[];
}

const reports = mkdtempSync(path.join(tmpdir(), "eventscope-test-"));

/**
 * The lane a step runs in when lanes run side by side: its name prefixes each output line, and `nice`
 * lowers its CPU priority. The browser lane runs niced, so the integration tests that time Kafka hops
 * (flow latency within 300 ± 100 ms) get the CPU first, and the build and browser take what is left.
 */
type Lane = { name: string; nice: number } | null;

function run(lane: Lane, command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const [program, programArgs] =
      lane && lane.nice > 0 ? ["nice", ["-n", String(lane.nice), command, ...args]] : [command, args];
    const child = spawn(program, programArgs, {
      cwd: repoRoot,
      stdio: lane === null ? "inherit" : ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1", ...env },
    });
    if (lane !== null)
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const)
        createInterface({ input: stream! }).on("line", (line) => out.write(`[${lane.name}] ${line}\n`));
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

function readJson<T>(file: string): T | null {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
  } catch {
    return null;
  }
}

async function check(name: string, command: string, args: string[], lane: Lane = null): Promise<StepResult> {
  const began = Date.now();
  console.log(`\n━━ ${name} ━━ ${command} ${args.join(" ")}`);
  const code = await run(lane, command, args);
  const ok = code === 0;
  return { name, ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: (Date.now() - began) / 1000 };
}

async function vitest(project: string, lane: Lane = null): Promise<StepResult> {
  const began = Date.now();
  const out = path.join(reports, `${project}.json`);
  console.log(`\n━━ ${project} tests ━━`);
  const code = await run(lane, "npx", [
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    testResults?: {
      name: string;
      status: string;
      message?: string;
      assertionResults?: { status: string; fullName: string }[];
    }[];
  }>(out);
  const passed = report?.numPassedTests ?? 0;
  const files = report?.testResults ?? [];
  // A file whose setup failed has no failed test (its tests are skipped): it counts as one failure.
  const brokenFiles = files.filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((a) => a.status === "failed"),
  );
  const failures = [
    ...brokenFiles.map(
      (file) => `${path.relative(repoRoot, file.name)} (did not run: ${(file.message ?? "").split("\n")[0]})`,
    ),
    ...files.flatMap((file) =>
      (file.assertionResults ?? [])
        .filter((a) => a.status === "failed")
        .map((a) => `${path.relative(repoRoot, file.name)} › ${a.fullName}`),
    ),
  ];
  // A crash before any test ran must not read as "0 failed".
  const failed = report
    ? report.numFailedTests + brokenFiles.length + (code !== 0 && failures.length === 0 ? 1 : 0)
    : 1;
  return {
    name: `${project} tests`,
    ok: code === 0 && passed > 0,
    passed,
    failed,
    seconds: (Date.now() - began) / 1000,
    failures,
  };
}

async function playwright(lane: Lane): Promise<StepResult> {
  const began = Date.now();
  const out = path.join(reports, "e2e.json");
  console.log("\n━━ end-to-end tests (Playwright, Chromium) ━━");
  const code = await run(lane, "npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const report = readJson<{
    stats: { expected: number; unexpected: number; flaky: number };
    suites?: Suite[];
  }>(out);
  const passed = report ? report.stats.expected + report.stats.flaky : 0;
  const failed = report ? report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0) : 1;
  return {
    name: "end-to-end tests",
    ok: code === 0 && passed > 0,
    passed,
    failed,
    seconds: (Date.now() - began) / 1000,
    failures: (report?.suites ?? []).flatMap((suite) => failedSpecs(suite, [])),
  };
}

/** Playwright's JSON report nests describe blocks as suites; a spec is ok only when every attempt passed. */
interface Suite {
  title: string;
  file?: string;
  specs?: { title: string; ok: boolean; file?: string }[];
  suites?: Suite[];
}

function failedSpecs(suite: Suite, titles: string[]): string[] {
  const here = suite.file === suite.title ? [suite.title] : [...titles, suite.title];
  return [
    ...(suite.specs ?? []).filter((s) => !s.ok).map((s) => [...here, s.title].join(" › ")),
    ...(suite.suites ?? []).flatMap((inner) => failedSpecs(inner, here)),
  ];
}

// Before the first step: a missing browser would otherwise only fail the last one, minutes later.
if (!ensureSystemPackages()) process.exit(1);

const results: StepResult[] = [];
results.push(await check("typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]));
results.push(await check("lint", "npx", ["eslint", "--max-warnings=0", "."]));
results.push(await check("format", "npx", ["prettier", "--check", "."]));
results.push(await vitest("unit"));

/** The UI and the production server (dist/server), then `npm start` on what was built, then Playwright. */
async function browserLane(): Promise<StepResult[]> {
  const lane = { name: "e2e", nice: 10 };
  const build = await check("build", "npm", ["run", "build"], lane);
  if (!build.ok) return [build, { name: "end-to-end tests", ok: false, passed: 0, failed: 1, seconds: 0 }];
  const start = await check("npm start", "npx", ["tsx", "scripts/check-start.ts"], lane);
  return [build, start, await playwright(lane)];
}
const [integration, browser] = await Promise.all([
  vitest("integration", { name: "integration", nice: 0 }),
  browserLane(),
]);
results.push(integration, ...browser);
// Tiny sizes of every benchmark, so they cannot rot: fails only when one throws, never on a missed target.
results.push(await check("bench smoke", "npm", ["run", "bench", "--", "--smoke"]));

console.log("\n━━ summary ━━");
for (const r of results) {
  const counts = r.passed + r.failed > 1 ? ` (${r.passed} passed, ${r.failed} failed)` : "";
  console.log(
    `${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(18)} ${r.seconds.toFixed(1).padStart(6)} s${counts}`,
  );
  for (const name of r.failures ?? []) console.log(`      ✘ ${name}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log("(typecheck, lint, format and build count as one check each)");
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
