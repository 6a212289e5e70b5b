/**
 * Builds the production server: server/main.ts, the store's writer thread and the printer of the memory
 * flags `npm start` passes to node, bundled into dist/server/, so `npm start` runs plain node (no TypeScript
 * compiler at run time). Every npm dependency stays an import from node_modules; only the project's own
 * code is bundled.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { repoRoot } from "@/server/repo-root";

const root = repoRoot();
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

await build({
  absWorkingDir: root,
  entryPoints: ["server/main.ts", "server/store/sqlite/write-worker.ts", "server/node-flags.ts"],
  // Flat: the writer thread's file must sit beside the module that starts it (main.js).
  entryNames: "[name]",
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  tsconfig: "tsconfig.json",
  external,
  logLevel: "warning",
});
console.log("server built into dist/server/");
