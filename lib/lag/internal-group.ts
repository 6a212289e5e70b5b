/**
 * Eventscope's own consumer groups (the collector's, the dead-letter readers', …) are all named
 * `<KAFKA_CLIENT_ID>-…`. They are not the user's consumers, so the Lag page hides them by default and the
 * metrics leave them out; the API still lists them, flagged.
 */
export function isInternalGroup(groupId: string, clientId: string): boolean {
  return groupId.startsWith(`${clientId}-`);
}
