/**
 * Fetches Apicurio Registry from Maven Central through the project's POM and unpacks it into
 * scripts/registry/.app (git-ignored). Apicurio publishes the Quarkus build itself (the `all` tarball),
 * so this is a download and an unpack, no compile; Maven caches the tarball in ~/.m2 for the next checkout.
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { SetupError, requireTool } from "../kafka/jars";
import { REGISTRY_VERSION, appDir, registryScriptsDir, runnerJar } from "./paths";

export const appPresent = (): boolean => existsSync(runnerJar);

/** Unpacks the registry unless it is already there; returns how long that took (0 when it was there). */
export async function ensureRegistryApp(log: (line: string) => void = console.log): Promise<number> {
  if (appPresent()) return 0;
  requireTool(
    "mvn",
    ["-v"],
    "install Apache Maven (e.g. apt-get install -y maven) to fetch the schema registry",
  );
  log(`Fetching Apicurio Registry ${REGISTRY_VERSION} from Maven Central into ${appDir} (first run only)…`);
  const started = Date.now();
  rmSync(appDir, { recursive: true, force: true }); // a half-unpacked folder from an interrupted run
  const code = await new Promise<number | null>((resolve, reject) => {
    const mvn = spawn(
      "mvn",
      [
        "-B",
        "-ntp",
        "dependency:unpack-dependencies",
        `-DoutputDirectory=${appDir}`,
        // Maven skips an artifact it remembers unpacking; keeping that memory inside .app forgets it with the folder.
        `-DmarkersDirectory=${path.join(appDir, ".markers")}`,
      ],
      { cwd: registryScriptsDir, stdio: ["ignore", "pipe", "pipe"] },
    );
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (/ERROR|BUILD FAILURE/.test(line)) log(line.replace(/\u001b\[[0-9;]*m/g, ""));
      }
    };
    mvn.stdout.on("data", onOutput);
    mvn.stderr.on("data", onOutput);
    mvn.on("error", reject);
    mvn.on("exit", resolve);
  });
  if (code !== 0 || !appPresent()) {
    rmSync(appDir, { recursive: true, force: true });
    throw new SetupError(`mvn exited with ${code} while fetching Apicurio Registry ${REGISTRY_VERSION}`);
  }
  const tookMs = Date.now() - started;
  log(`Apicurio Registry ready in ${(tookMs / 1000).toFixed(1)} s.`);
  return tookMs;
}
