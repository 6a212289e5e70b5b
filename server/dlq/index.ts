export { createDlqFeature, dlqFeature, type DlqFeature } from "@/server/dlq/dlq-feature";
export { DEFAULT_INTERNAL_TOPICS, type InternalTopics } from "@/server/dlq/internal-topics";
export type { DlqService } from "@/server/dlq/dlq-service";
