/** Safety net: the e2e broker and schema registry never outlive the suite, even if the stack was killed hard. */
import { stopBroker } from "../../scripts/kafka/broker";
import { e2eBrokerOverrides } from "../../scripts/kafka/paths";
import { e2eRegistryOverrides } from "../../scripts/registry/paths";
import { stopRegistry } from "../../scripts/registry/registry";

export default async function globalTeardown(): Promise<void> {
  await Promise.all([stopBroker(e2eBrokerOverrides), stopRegistry(e2eRegistryOverrides())]);
}
