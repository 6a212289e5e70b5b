import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { isStrayKafkaRejection } from "./server/kafka/stray-rejections.js";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root };

export default defineConfig({
  resolve: { alias },
  test: {
    // The integration tests host the server in-process, so they apply its policy
    // (server/kafka/stray-rejections.ts): a rejection kafkajs itself left unhandled while a broker is away
    // is not a failure; any other unhandled error is.
    onUnhandledError: (error) => !isStrayKafkaRejection(error),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "server/**/*.unit.test.ts",
            "scripts/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["server/**/*.test.ts", "demo/**/*.test.ts"],
          exclude: ["**/*.unit.test.ts", "**/node_modules/**"],
          environment: "node",
          globalSetup: ["./server/test-support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One broker on two cores: files run one after another so timings stay meaningful.
          fileParallelism: false,
        },
      },
    ],
  },
});
