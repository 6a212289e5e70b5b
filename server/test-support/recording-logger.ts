import pino from "pino";
import type { Logger } from "@/server/logger";

/** A logger at every level that keeps each JSON line it writes, for tests of what an operator reads. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: "trace" }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}
