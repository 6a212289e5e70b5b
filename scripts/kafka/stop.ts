/** `npm run kafka:stop` — stop the embedded broker if this project started it. */
import { stopBroker } from "./broker";

const r = await stopBroker();
console.log(
  r.wasRunning
    ? `Kafka stopped in ${(r.stoppedInMs / 1000).toFixed(1)} s.`
    : "Kafka was not running (nothing to stop).",
);
