import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// lib/ is shared by the server and the browser: it must stay free of I/O and of UI code, so it may not
// reach into the layers that sit on top of it.
const layerBoundaries = {
  files: ["lib/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/server/*", "@/app/*", "@/components/*", "**/server/*", "**/app/*", "**/components/*"],
            message: "lib/ is pure shared code: it must not import from server/, app/ or components/.",
          },
          { group: ["node:*"], message: "lib/ runs in the browser too: no Node APIs here." },
        ],
        paths: ["react", "kafkajs", "socket.io", "pino", "fs", "path", "net", "http", "child_process"].map(
          (name) => ({ name, message: "lib/ is pure: no I/O, no React, no Node APIs." }),
        ),
      },
    ],
  },
};

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      ".eventscope/**",
      "dist/**",
      "scripts/kafka/.jars/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" } } },
    rules: {
      "import/no-cycle": ["error", { maxDepth: 10 }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Command-line scripts, benchmarks and the demo talk to a terminal on purpose.
    files: ["scripts/**", "bench/**", "demo/**", "e2e/**", "server/test-support/**"],
    rules: { "no-console": "off" },
  },
  layerBoundaries,
];

export default config;
