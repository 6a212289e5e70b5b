/** Safety net: the e2e broker never outlives the suite, even if the stack was killed hard. */
import { stopBroker } from "../../scripts/kafka/broker";
import { e2eBrokerOverrides } from "../../scripts/kafka/paths";

export default async function globalTeardown(): Promise<void> {
  await stopBroker(e2eBrokerOverrides);
}
