import { describe, expect, it } from "vitest";
import { installCommand, missingPackages, REQUIRED_PACKAGES } from "./system-packages";

describe("system packages npm test needs", () => {
  it("names Debian's Chromium, Prometheus and OpenSSL", () => {
    expect(REQUIRED_PACKAGES.map((p) => p.binary)).toEqual([
      "/usr/bin/chromium",
      "/usr/bin/prometheus",
      "/usr/bin/openssl",
    ]);
  });

  it("lists only what is missing", () => {
    const present = new Set(["/usr/bin/prometheus", "/usr/bin/openssl"]);
    expect(missingPackages(REQUIRED_PACKAGES, (f) => present.has(f)).map((p) => p.debianPackage)).toEqual([
      "chromium",
    ]);
    expect(missingPackages(REQUIRED_PACKAGES, () => true)).toEqual([]);
  });

  it("gives the one command to run, with sudo unless already root", () => {
    const missing = missingPackages(REQUIRED_PACKAGES, () => false);
    expect(installCommand(missing, false)).toBe(
      "sudo apt-get update && sudo apt-get install -y chromium prometheus openssl",
    );
    expect(installCommand(missing, true)).toBe(
      "apt-get update && apt-get install -y chromium prometheus openssl",
    );
  });
});
