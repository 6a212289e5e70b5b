/**
 * One line saying why Kafka cannot be reached, for the broker status (UI badge, /api/health) and the log.
 * kafkajs wraps the cause (a retry error around a connection error around Node's TLS error) and OpenSSL's
 * messages span lines; a secured cluster's two common mistakes — a CA that is not trusted, a wrong
 * password — get the setting to check. The broker's SASL answers never contain the password, and nothing
 * from the configuration is added here.
 */
import { errorChain } from "@/server/kafka/error-chain";

/** Node's codes for a broker certificate that does not chain to a trusted CA. */
const UNTRUSTED = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
]);
/** The broker's TLS alerts when it wants a (valid) client certificate: mutual TLS. */
const CLIENT_CERT_REFUSED = /^ERR_SSL_(SSLV3_ALERT_BAD_CERTIFICATE|TLSV13_ALERT_CERTIFICATE_REQUIRED)$/;

const firstLine = (text: string) => text.trim().split("\n")[0]?.trim() ?? "";

export function kafkaConnectionProblem(error: unknown): string {
  const errors = errorChain(error);
  const message = firstLine(String(errors[0]?.message ?? error));
  const code = errors.map((e) => e.code).find((c): c is string => typeof c === "string");
  if (errors.some((e) => e.name === "KafkaJSSASLAuthenticationError"))
    return `${message}; check KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD`;
  if (code !== undefined && UNTRUSTED.has(code))
    return `TLS: the broker's certificate is not trusted (${message.replace(/^Connection error: /, "")}); set KAFKA_SSL_CA_FILE to the CA that signed it`;
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID")
    return `TLS: the broker's certificate does not name the address Eventscope connected to (${message.replace(/^Connection error: /, "")})`;
  if (code !== undefined && CLIENT_CERT_REFUSED.test(code))
    return "TLS: the broker refused Eventscope's client certificate (or wants one); check KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE";
  return message;
}
