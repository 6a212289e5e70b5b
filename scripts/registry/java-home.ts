/**
 * Finds a Java 21+ runtime for Apicurio Registry (its classes are compiled for Java 21) without changing
 * the `java` the Kafka broker uses. Looks at EVENTSCOPE_REGISTRY_JAVA_HOME, then JAVA_HOME, then every JDK
 * under /usr/lib/jvm (Debian's layout), newest first.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { SetupError } from "../kafka/jars";

const MIN_JAVA = 21;
const JVM_ROOT = "/usr/lib/jvm";

/** The major version a JDK's `release` file declares (`JAVA_VERSION="25.0.3"` → 25), or null. */
export function javaMajor(home: string): number | null {
  const release = path.join(home, "release");
  if (!existsSync(release) || !existsSync(path.join(home, "bin", "java"))) return null;
  const match = /^JAVA_VERSION="(\d+)/m.exec(readFileSync(release, "utf8"));
  return match ? Number(match[1]) : null;
}

export function findRegistryJava(): string {
  const explicit = [process.env.EVENTSCOPE_REGISTRY_JAVA_HOME, process.env.JAVA_HOME].filter(
    (home): home is string => Boolean(home),
  );
  const installed = existsSync(JVM_ROOT)
    ? readdirSync(JVM_ROOT)
        .map((name) => path.join(JVM_ROOT, name))
        .map((home) => ({ home, major: javaMajor(home) ?? 0 }))
        .sort((a, b) => b.major - a.major)
        .map((c) => c.home)
    : [];
  for (const home of [...explicit, ...installed]) {
    if ((javaMajor(home) ?? 0) >= MIN_JAVA) return path.join(home, "bin", "java");
  }
  throw new SetupError(
    `the schema registry (Apicurio Registry) needs Java ${MIN_JAVA}+, and none was found under ${JVM_ROOT} ` +
      "or in EVENTSCOPE_REGISTRY_JAVA_HOME / JAVA_HOME; install one (e.g. a Temurin 21+ JDK) and point " +
      "EVENTSCOPE_REGISTRY_JAVA_HOME at it",
  );
}
