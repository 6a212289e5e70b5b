/** How many of a topic's events a running app serves from its store (at most 1,000: the API's page). */
import type { EventsResponse } from "@/lib/api/events";

export async function storedEventCount(appUrl: string, topic: string): Promise<number> {
  const response = await fetch(`${appUrl}/api/events?topic=${topic}&limit=1000`);
  return ((await response.json()) as EventsResponse).events.length;
}
