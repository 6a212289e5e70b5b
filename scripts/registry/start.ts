/** `npm run registry:start` — start (or reuse) the embedded schema registry. `--app-only` just fetches it. */
import { SetupError } from "../kafka/jars";
import { ensureRegistryApp } from "./app";
import { startRegistry } from "./registry";

try {
  if (process.argv.includes("--app-only")) {
    await ensureRegistryApp();
  } else {
    const r = await startRegistry();
    console.log(
      r.alreadyRunning
        ? `Schema registry is already running at ${r.url} (pid ${r.pid}).`
        : `Schema registry started at ${r.url} (pid ${r.pid}) in ${(r.startedInMs / 1000).toFixed(1)} s.`,
    );
  }
} catch (error) {
  console.error(error instanceof SetupError ? `registry:start: ${error.message}` : error);
  process.exit(1);
}
