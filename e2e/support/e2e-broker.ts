/** Lets a spec take the e2e stack's broker away and bring it back, as an operator's outage would. */
import { startBroker, stopBroker } from "../../scripts/kafka/broker";
import { e2eBrokerOverrides } from "../../scripts/kafka/paths";

export const stopE2eBroker = () => stopBroker(e2eBrokerOverrides);
export const startE2eBroker = () => startBroker(e2eBrokerOverrides, () => undefined);
