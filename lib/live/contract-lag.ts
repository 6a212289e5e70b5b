/**
 * Socket events of the Lag pages. A client joins the overview and/or one group's detail; after every poll
 * the server pushes the same shapes `GET /api/lag` and `GET /api/lag/:group` return, and the client writes
 * them into the query cache under the same keys.
 */
import { z } from "zod";
import type { LagGroupDetailResponse, LagGroupsResponse } from "@/lib/api/lag";

/** What a client asks for: the groups table (`group` null) or one group's detail. */
export const lagSubscriptionSchema = z.object({
  group: z.string().min(1).max(512).nullable(),
});
export type LagSubscription = z.infer<typeof lagSubscriptionSchema>;

export type LagAck = (result: { ok: true } | { ok: false; error: string }) => void;

export interface LagServerEvents {
  /** The groups table, after every poll, to clients that joined the overview. */
  "lag:groups": (snapshot: LagGroupsResponse) => void;
  /** One group's detail, after every poll, to clients that joined that group. */
  "lag:group": (detail: LagGroupDetailResponse) => void;
  /** The group a client joined is gone (deleted, or its offsets expired). */
  "lag:group-gone": (group: string) => void;
}

export interface LagClientEvents {
  /** Joins a view; the server answers at once with the current data, then after every poll. */
  "lag:subscribe": (subscription: LagSubscription, ack?: LagAck) => void;
  "lag:unsubscribe": (subscription: LagSubscription) => void;
}
