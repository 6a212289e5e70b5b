/** Loads Next.js as a request handler for the custom server (production build, or dev with hot reload). */
import next from "next";
import type { UiHandler } from "@/server/http/app";
import { repoRoot } from "@/server/repo-root";

export async function createNextHandler(options: {
  dev: boolean;
  host: string;
  port: number;
}): Promise<UiHandler> {
  const app = next({ dev: options.dev, dir: repoRoot(), hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgradeHandler = options.dev ? app.getUpgradeHandler() : null;
  return {
    handle: (req, res) => handle(req, res),
    upgrade: upgradeHandler ? (req, socket, head) => upgradeHandler(req, socket, head) : undefined,
  };
}
