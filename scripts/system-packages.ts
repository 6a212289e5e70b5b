/**
 * Debian packages `npm test` needs outside npm: Chromium for Playwright (never downloaded by the tests),
 * Prometheus for the metrics integration test and OpenSSL for the secured-cluster test's certificates. Checked before the first step, so a fresh machine learns at
 * once what it lacks instead of failing minutes later; as root with apt-get (CI, containers) they are
 * installed right away, as `.ci/run` does.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface SystemPackage {
  /** The file the tests run. */
  binary: string;
  /** The Debian package that provides it. */
  debianPackage: string;
}

export const REQUIRED_PACKAGES: readonly SystemPackage[] = [
  { binary: "/usr/bin/chromium", debianPackage: "chromium" },
  { binary: "/usr/bin/prometheus", debianPackage: "prometheus" },
  { binary: "/usr/bin/openssl", debianPackage: "openssl" },
];

export function missingPackages(
  required: readonly SystemPackage[],
  exists: (file: string) => boolean = existsSync,
): SystemPackage[] {
  return required.filter((p) => !exists(p.binary));
}

/** The one command that installs what is missing. */
export function installCommand(missing: readonly SystemPackage[], asRoot: boolean): string {
  const names = missing.map((p) => p.debianPackage).join(" ");
  const sudo = asRoot ? "" : "sudo ";
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${names}`;
}

/** Installs what is missing when it can (root with apt-get); otherwise says what to run. True when all is there. */
export function ensureSystemPackages(): boolean {
  const missing = missingPackages(REQUIRED_PACKAGES);
  if (missing.length === 0) return true;
  const asRoot = process.getuid?.() === 0;
  const command = installCommand(missing, asRoot);
  if (asRoot && existsSync("/usr/bin/apt-get")) {
    console.log(`npm test: installing ${missing.map((p) => p.debianPackage).join(", ")} from Debian`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install =
      update.status === 0
        ? spawnSync("apt-get", ["install", "-y", "-qq", ...missing.map((p) => p.debianPackage)], {
            stdio: "inherit",
            env,
          })
        : update;
    if (install.status === 0 && missingPackages(missing).length === 0) return true;
  }
  const what = missing.map((p) => `${p.binary} (Debian package ${p.debianPackage})`).join(", ");
  console.error(`npm test needs ${what}. Install with:\n\n  ${command}\n`);
  return false;
}
