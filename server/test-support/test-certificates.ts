/**
 * A throw-away certificate authority for tests of TLS listeners, made with openssl the way an operator
 * makes one: a CA, a broker certificate it signs (valid for 127.0.0.1 and localhost, as the client checks
 * the address it dials), the broker's PKCS#12 keystore, and a client certificate for mutual TLS.
 * EC P-256 keys: generated in milliseconds, where RSA keys cost seconds on a loaded machine.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";

export interface TestCertificates {
  /** PEM of the CA that signed the broker's and the client's certificates. */
  caFile: string;
  /** PKCS#12 keystore holding the broker's key and certificate chain, and its password. */
  brokerKeystoreFile: string;
  brokerKeystorePassword: string;
  /** PEM certificate and unencrypted PKCS#8 key of a client, signed by the CA (for mutual TLS). */
  clientCertFile: string;
  clientKeyFile: string;
}

const openssl = (dir: string, args: string[]) =>
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });

/** A key and a certificate signing request for `subject`. */
function keyAndRequest(dir: string, name: string, subject: string): void {
  openssl(dir, [
    "req",
    ...["-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
    ...["-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject],
  ]);
}

function signByCa(dir: string, name: string, extensions: string): void {
  writeFileSync(path.join(dir, `${name}.ext`), `${extensions}\n`);
  openssl(dir, [
    "x509",
    ...["-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial"],
    ...["-out", `${name}.pem`, "-days", "2", "-sha256", "-extfile", `${name}.ext`],
  ]);
}

/** Writes the CA, broker keystore and client certificate into `dir` (a fresh temp directory). */
export function createTestCertificates(dir: string): TestCertificates {
  openssl(dir, [
    "req",
    ...["-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
    ...["-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Eventscope test CA"],
  ]);
  keyAndRequest(dir, "broker", "/CN=localhost");
  signByCa(dir, "broker", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth");
  keyAndRequest(dir, "client", "/CN=eventscope-test-client");
  signByCa(dir, "client", "extendedKeyUsage=clientAuth");
  const brokerKeystorePassword = randomUUID();
  openssl(dir, [
    "pkcs12",
    ...["-export", "-in", "broker.pem", "-inkey", "broker.key", "-certfile", "ca.pem", "-name", "broker"],
    ...["-out", "broker.p12", "-passout", `pass:${brokerKeystorePassword}`],
  ]);
  return {
    caFile: path.join(dir, "ca.pem"),
    brokerKeystoreFile: path.join(dir, "broker.p12"),
    brokerKeystorePassword,
    clientCertFile: path.join(dir, "client.pem"),
    clientKeyFile: path.join(dir, "client.key"),
  };
}
