/** Query-key factory: every cached server resource has exactly one key shape, defined here. */
export const queryKeys = {
  brokerStatus: ["broker-status"] as const,
  health: ["health"] as const,
};
