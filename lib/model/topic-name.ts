/** Kafka's rule for topic names (Topic.validate): 1–249 of `[A-Za-z0-9._-]`, and not `.` or `..`. */
const LEGAL = /^[A-Za-z0-9._-]{1,249}$/;

export function isTopicName(name: string): boolean {
  return LEGAL.test(name) && name !== "." && name !== "..";
}
