/** Alert rules, their evaluation and notification payloads: pure, shared by server and browser. */
export * from "@/lib/alerts/api";
export { DEFAULT_RULES } from "@/lib/alerts/default-rules";
export { evaluate, initialState, toResponse, type EvaluationState } from "@/lib/alerts/evaluate";
export type { Observations } from "@/lib/alerts/observations";
export * from "@/lib/alerts/notifications";
export * from "@/lib/alerts/rules";
