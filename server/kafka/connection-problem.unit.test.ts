/** The broker status line for the failures a secured cluster gives, built from kafkajs' real error shapes. */
import { describe, expect, it } from "vitest";
import { kafkaConnectionProblem } from "@/server/kafka/connection-problem";

/** kafkajs' wrapping: a retry error whose cause is a connection error carrying Node's TLS error code. */
function wrapped(message: string, code: string): Error {
  const connection = Object.assign(new Error(`Connection error: ${message}`), {
    name: "KafkaJSConnectionError",
    code,
  });
  return Object.assign(new Error(connection.message), {
    name: "KafkaJSNumberOfRetriesExceeded",
    cause: connection,
  });
}

describe("kafkaConnectionProblem", () => {
  it("names the SASL settings when the broker refuses the login, keeping the broker's reason", () => {
    const error = Object.assign(
      new Error(
        "SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512",
      ),
      { name: "KafkaJSSASLAuthenticationError" },
    );
    expect(kafkaConnectionProblem(error)).toBe(
      "SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512; check KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD",
    );
  });

  it("names KAFKA_SSL_CA_FILE when the broker's certificate does not chain to a trusted CA", () => {
    expect(
      kafkaConnectionProblem(
        wrapped("self-signed certificate in certificate chain", "SELF_SIGNED_CERT_IN_CHAIN"),
      ),
    ).toBe(
      "TLS: the broker's certificate is not trusted (self-signed certificate in certificate chain); set KAFKA_SSL_CA_FILE to the CA that signed it",
    );
  });

  it("says so when the broker's certificate is for another name (an advertised address it does not list)", () => {
    const altname =
      "Hostname/IP does not match certificate's altnames: IP: 10.0.0.7 is not in the cert's list: 127.0.0.1";
    expect(kafkaConnectionProblem(wrapped(altname, "ERR_TLS_CERT_ALTNAME_INVALID"))).toBe(
      `TLS: the broker's certificate does not name the address Eventscope connected to (${altname})`,
    );
  });

  it("says the client certificate was refused, in one line instead of OpenSSL's multi-line error", () => {
    const openssl =
      "80AC01366D7F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42\n";
    expect(kafkaConnectionProblem(wrapped(openssl, "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE"))).toBe(
      "TLS: the broker refused Eventscope's client certificate (or wants one); check KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE",
    );
  });

  it("keeps any other error's first line as it is", () => {
    expect(kafkaConnectionProblem(wrapped("connect ECONNREFUSED 127.0.0.1:9092", "ECONNREFUSED"))).toBe(
      "Connection error: connect ECONNREFUSED 127.0.0.1:9092",
    );
    expect(kafkaConnectionProblem("Connection timeout")).toBe("Connection timeout");
  });
});
