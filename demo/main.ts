/**
 * `tsx demo/main.ts` — runs the demo shop until SIGINT/SIGTERM, then stops it gracefully: the load
 * generator and the gateway first, then every consumer after the message in hand (offsets committed, group
 * left, so the next start gets its partitions at once), then the producers. `npm run demo` starts this
 * next to the dashboard; flags and environment variables are listed in cli.ts.
 */
import { readSettings, SettingsError } from "./cli";
import { createDemoLogger } from "./logger";
import { startDemoSystem } from "./system";

const STOP_TIMEOUT_MS = 15_000;

function main(): void {
  const { config, logLevel } = readSettings(process.argv.slice(2), process.env);
  const logger = createDemoLogger(logLevel);
  logger.info({ brokers: config.brokers }, "starting the demo shop");
  const starting = startDemoSystem(config, logger);

  let stopping = false;
  // Installed before the start finishes: a signal during start-up still ends in a clean stop.
  const stop = (signal: string) => {
    if (stopping) return; // Ctrl-C reaches us twice: from the terminal and from `npm run demo`
    stopping = true;
    logger.info({ signal }, "stopping the demo shop");
    setTimeout(() => {
      logger.error(`the demo shop did not stop within ${STOP_TIMEOUT_MS / 1_000} s; exiting anyway`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    starting
      .then((system) => system.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "stopping the demo shop failed");
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  starting.catch((error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
}
