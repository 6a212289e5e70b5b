/** `npm run kafka:start` — start (or reuse) the embedded broker. `--jars-only` just fetches the jars. */
import { startBroker } from "./broker";
import { SetupError, ensureJars } from "./jars";

try {
  if (process.argv.includes("--jars-only")) {
    await ensureJars();
  } else {
    const r = await startBroker();
    console.log(
      r.alreadyRunning
        ? `Kafka is already running on ${r.address} (pid ${r.pid}).`
        : `Kafka started on ${r.address} (pid ${r.pid}) in ${(r.startedInMs / 1000).toFixed(1)} s.`,
    );
  }
} catch (error) {
  console.error(error instanceof SetupError ? `kafka:start: ${error.message}` : error);
  process.exit(1);
}
