/** Consumer lag: what other features may use. */
export { lagFeature } from "@/server/lag/feature";
export {
  getLagService,
  LAG_SERVICE_KEY,
  type ConsumedBy,
  type ConsumptionPoint,
  type LagService,
} from "@/server/lag/service";
export type { GroupFigures, PartitionFigureRow, TopicFigures } from "@/server/lag/figures";
