/**
 * Socket events of the Lag pages. A client joins the `lag` channel for the overview and/or one group's
 * detail; after every poll the server pushes the same shapes `GET /api/lag` and `GET /api/lag/:group`
 * return, and the client writes them into the query cache under the same keys.
 */
import type { LagGroupDetailResponse, LagGroupsResponse } from "@/lib/api/lag";

export interface LagServerEvents {
  /** The groups table, after every poll, to clients that joined the overview. */
  "lag:groups": (snapshot: LagGroupsResponse) => void;
  /** One group's detail, after every poll, to clients that joined that group. */
  "lag:group": (detail: LagGroupDetailResponse) => void;
  /** The group a client joined is gone (deleted, or its offsets expired). */
  "lag:group-gone": (group: string) => void;
}
