/**
 * The PEM files named by KAFKA_SSL_CA_FILE, KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE, read once at start
 * so a missing or wrong file stops the process with one line naming the variable (never the file's
 * content: the key is a secret), instead of every Kafka connection failing later.
 */
import { readFileSync } from "node:fs";

/** What Node's TLS takes: `ca` replaces the system's trusted CAs; `cert` + `key` are the client's identity. */
export interface KafkaTls {
  ca?: string;
  cert?: string;
  key?: string;
}

interface PemKind {
  variable: string;
  what: string;
  marker: RegExp;
}

const CA: PemKind = {
  variable: "KAFKA_SSL_CA_FILE",
  what: "certificate",
  marker: /-----BEGIN CERTIFICATE-----/,
};
const CERT: PemKind = { ...CA, variable: "KAFKA_SSL_CERT_FILE" };
const KEY: PemKind = {
  variable: "KAFKA_SSL_KEY_FILE",
  what: "unencrypted private key",
  marker: /-----BEGIN (RSA |EC )?PRIVATE KEY-----/,
};
/** PKCS#8 and legacy OpenSSL encrypted keys: Node would need the passphrase, which Eventscope does not take. */
const ENCRYPTED = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/;

function readPem(kind: PemKind, file: string, problems: string[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    problems.push(
      `${kind.variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
    return undefined;
  }
  if (!kind.marker.test(text) || ENCRYPTED.test(text)) {
    problems.push(`${kind.variable}: ${file} holds no PEM ${kind.what}`);
    return undefined;
  }
  return text;
}

export function readTlsFiles(files: { ca?: string; cert?: string; key?: string }): {
  tls: KafkaTls;
  problems: string[];
} {
  const problems: string[] = [];
  if (Boolean(files.cert) !== Boolean(files.key))
    problems.push("KAFKA_SSL_CERT_FILE / KAFKA_SSL_KEY_FILE: a client certificate needs both (or neither)");
  const tls: KafkaTls = {};
  if (files.ca) tls.ca = readPem(CA, files.ca, problems);
  if (files.cert) tls.cert = readPem(CERT, files.cert, problems);
  if (files.key) tls.key = readPem(KEY, files.key, problems);
  return { tls, problems };
}
