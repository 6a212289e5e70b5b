/** `npm run registry:stop` — stop the embedded schema registry if this project started it. */
import { stopRegistry } from "./registry";

const r = await stopRegistry();
console.log(r.wasRunning ? "Schema registry stopped." : "Schema registry was not running (nothing to stop).");
