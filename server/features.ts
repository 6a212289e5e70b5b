/** Every feature the dashboard runs, in start order. Add a feature here (one line) to wire it up. */
import type { Feature } from "@/server/feature";
import { healthFeature } from "@/server/http/health-routes";

export const features: readonly Feature[] = [healthFeature];
