/**
 * Fetches the Kafka broker and tools jars from Maven Central through the project's POM. The tarball is
 * not reachable from where Eventscope runs, Maven Central is; Maven also caches in ~/.m2 so a second
 * checkout on the same machine copies instead of downloading.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { brokerJar, jarsDir, scriptsDir } from "./paths";

export class SetupError extends Error {}

export function requireTool(command: string, args: string[], installHint: string): void {
  const probe = spawnSync(command, args, { stdio: "ignore" });
  if (probe.error || probe.status !== 0) throw new SetupError(`${command} not found: ${installHint}`);
}

export function jarsPresent(): boolean {
  return existsSync(brokerJar) && existsSync(jarsDir);
}

/** Downloads the jars unless they are already there. Streams Maven's download progress to the terminal. */
export async function ensureJars(log: (line: string) => void = console.log): Promise<void> {
  requireTool(
    "java",
    ["-version"],
    "install a Java 17+ runtime (e.g. apt-get install -y openjdk-17-jre-headless)",
  );
  if (jarsPresent()) return;
  requireTool("mvn", ["-v"], "install Apache Maven (e.g. apt-get install -y maven) to fetch the Kafka jars");
  log(`Fetching Apache Kafka jars from Maven Central into ${jarsDir} (first run only)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const mvn = spawn(
      "mvn",
      [
        "-B",
        "-ntp",
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        `-DoutputDirectory=${jarsDir}`,
      ],
      { cwd: scriptsDir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let copied = 0;
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        // -ntp hides per-byte transfer noise; one line per artifact is the progress a person wants.
        if (/Copying .*\.jar/.test(line)) {
          copied += 1;
          if (copied % 10 === 0) log(`  … ${copied} jars`);
        } else if (/ERROR|BUILD FAILURE/.test(line)) {
          log(line.replace(/\u001b\[[0-9;]*m/g, ""));
        } else if (/Downloading from|Downloaded from/.test(line) && copied === 0) {
          log(`  ${line.replace(/\u001b\[[0-9;]*m/g, "").replace(/^\[INFO\] /, "")}`);
        }
      }
    };
    mvn.stdout.on("data", onLine);
    mvn.stderr.on("data", onLine);
    mvn.on("error", reject);
    mvn.on("exit", (code) =>
      code === 0 ? resolve() : reject(new SetupError(`mvn exited with ${code} while fetching Kafka jars`)),
    );
  });
  if (!jarsPresent()) throw new SetupError(`Maven finished but ${brokerJar} is missing`);
  log(`Kafka jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
