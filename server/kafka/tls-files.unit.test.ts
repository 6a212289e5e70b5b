/** KAFKA_SSL_CA_FILE and the client certificate settings: read at start, one line per problem, never the key. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { configProblems } from "@/server/test-support/config";
import { createTestCertificates } from "@/server/test-support/test-certificates";

const dir = mkdtempSync(path.join(tmpdir(), "eventscope-tls-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const certs = createTestCertificates(dir);

describe("Kafka TLS settings", () => {
  it("reads the CA and the client certificate and key into the Kafka client settings", () => {
    const config = loadConfig({
      KAFKA_SSL: "true",
      KAFKA_SSL_CA_FILE: certs.caFile,
      KAFKA_SSL_CERT_FILE: certs.clientCertFile,
      KAFKA_SSL_KEY_FILE: certs.clientKeyFile,
    });
    expect(config.kafka.ssl).toEqual({
      ca: readFileSync(certs.caFile, "utf8"),
      cert: readFileSync(certs.clientCertFile, "utf8"),
      key: readFileSync(certs.clientKeyFile, "utf8"),
    });
  });

  it("connects in plaintext by default, and with the system's CAs when only KAFKA_SSL=true", () => {
    expect(loadConfig({}).kafka.ssl).toBeNull();
    expect(loadConfig({ KAFKA_SSL: "true" }).kafka.ssl).toEqual({});
  });

  it("stops at start with one line per wrong file, naming the variable and never the key's content", () => {
    const notPem = path.join(dir, "not-pem.txt");
    writeFileSync(notPem, "hello\n");
    const lines = configProblems({
      KAFKA_SSL: "true",
      KAFKA_SSL_CA_FILE: path.join(dir, "missing.pem"),
      KAFKA_SSL_CERT_FILE: certs.clientKeyFile,
      KAFKA_SSL_KEY_FILE: notPem,
    });
    expect(lines).toEqual([
      `KAFKA_SSL_CA_FILE: cannot read ${path.join(dir, "missing.pem")} (ENOENT)`,
      `KAFKA_SSL_CERT_FILE: ${certs.clientKeyFile} holds no PEM certificate`,
      `KAFKA_SSL_KEY_FILE: ${notPem} holds no PEM unencrypted private key`,
    ]);
    expect(lines.join("\n")).not.toContain("PRIVATE KEY-----");
  });

  it("refuses a certificate without its key, TLS files without KAFKA_SSL=true, and an encrypted key", () => {
    expect(configProblems({ KAFKA_SSL: "true", KAFKA_SSL_CERT_FILE: certs.clientCertFile })).toEqual([
      "KAFKA_SSL_CERT_FILE / KAFKA_SSL_KEY_FILE: a client certificate needs both (or neither)",
    ]);
    expect(configProblems({ KAFKA_SSL_CA_FILE: certs.caFile })).toEqual([
      "KAFKA_SSL_CA_FILE / _CERT_FILE / _KEY_FILE: set KAFKA_SSL=true too (they are TLS settings)",
    ]);
    const encrypted = path.join(dir, "encrypted.key");
    writeFileSync(
      encrypted,
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n",
    );
    expect(
      configProblems({
        KAFKA_SSL: "true",
        KAFKA_SSL_CERT_FILE: certs.clientCertFile,
        KAFKA_SSL_KEY_FILE: encrypted,
      }),
    ).toEqual([`KAFKA_SSL_KEY_FILE: ${encrypted} holds no PEM unencrypted private key`]);
  });
});
