import pino from "pino";
import type { Logger } from "@/server/logger";

/** Logs nothing unless EVENTSCOPE_TEST_LOG is set (e.g. `EVENTSCOPE_TEST_LOG=debug npm run test:integration`). */
export function testLogger(): Logger {
  return pino({ level: process.env.EVENTSCOPE_TEST_LOG ?? "silent" });
}
