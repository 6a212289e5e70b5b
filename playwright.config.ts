import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against the full stack started by
 * `npm run demo` on its own broker (127.0.0.1:19092) and port, so they can stop and restart Kafka without
 * touching a developer's running demo.
 */
const port = Number(process.env.EVENTSCOPE_E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
/** The demo shop's gateway of this stack (e2e specs place orders and inject failures through it). */
export const gatewayURL = `http://127.0.0.1:${port + 900}`;
/** The admin token of this stack (dead-letter specs sign in with it); never a real deployment's. */
export const e2eAdminToken = process.env.EVENTSCOPE_E2E_ADMIN_TOKEN ?? "e2e-admin-token-not-a-secret";

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalTeardown: "./e2e/support/global-teardown.ts",
  use: {
    baseURL,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
  },
  webServer: {
    command: `npx tsx scripts/demo.ts --broker-instance e2e --port ${port} --gateway-port ${port + 900}`,
    url: `${baseURL}/api/health`,
    env: {
      KAFKA_BROKERS: "",
      EVENTSCOPE_LOG_LEVEL: "warn",
      EVENTSCOPE_ADMIN_TOKEN: e2eAdminToken,
      // Each stack's own event store, beside its own broker: two stacks never share one.
      EVENTSCOPE_DATA_DIR: `.eventscope/store-e2e-${port}`,
    },
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
