/** Consumer lag: what other features may use. */
export { lagFeature } from "@/server/lag/feature";
export { type ConsumedBy, type ConsumptionPoint, type LagService } from "@/server/lag/service";
export type { GroupFigures, PartitionFigureRow, TopicFigures } from "@/server/lag/figures";
