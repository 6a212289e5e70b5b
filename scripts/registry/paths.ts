/** Where the embedded schema registry keeps its application and state. One place, so scripts and tests agree. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../kafka/paths";

export const REGISTRY_VERSION = "3.3.3";
export const registryScriptsDir = path.dirname(fileURLToPath(import.meta.url));
/** The unpacked Quarkus application (quarkus-run.jar + lib/), git-ignored, reused by every start. */
export const appDir = path.join(registryScriptsDir, ".app");
export const runnerJar = path.join(appDir, "quarkus-run.jar");

export interface RegistryInstance {
  host: string;
  port: number;
  /** Holds registry.pid and registry.out; the registry keeps its schemas in memory only. */
  stateDir: string;
}

/** Confluent's own default port, so tools pointed at a "local registry" find this one. */
export const DEFAULT_REGISTRY_PORT = 8081;

export function registryInstance(overrides: Partial<RegistryInstance> = {}): RegistryInstance {
  const port = overrides.port ?? DEFAULT_REGISTRY_PORT;
  return {
    host: "127.0.0.1",
    port,
    stateDir: path.join(
      repoRoot,
      ".eventscope",
      port === DEFAULT_REGISTRY_PORT ? "registry" : `registry-${port}`,
    ),
    ...overrides,
  };
}

/** Base URL of the Confluent-compatible API, what EVENTSCOPE_SCHEMA_REGISTRY_URL points at. */
export const registryUrl = (r: RegistryInstance): string => `http://${r.host}:${r.port}/apis/ccompat/v7`;

/**
 * The registry the Playwright suite owns, beside its own broker: the broker's port + 2 (the controller
 * has + 1), so two suites side by side never share one.
 */
export const e2eRegistryOverrides = (): Partial<RegistryInstance> => ({
  port: Number(process.env.EVENTSCOPE_E2E_BROKER_PORT ?? 19092) + 2,
});
