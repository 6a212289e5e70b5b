import { describe, expect, it } from "vitest";
import { kafkaLogLevel } from "./log-level";

const ERROR = 1;
const WARN = 2;
const INFO = 4;
const DEBUG = 5;

describe("kafkaLogLevel", () => {
  it("keeps kafkajs' own levels", () => {
    expect(kafkaLogLevel(ERROR, { error: "Connection error: connect ECONNREFUSED 127.0.0.1:9092" })).toBe(
      "error",
    );
    expect(kafkaLogLevel(WARN, {})).toBe("warn");
    expect(kafkaLogLevel(INFO, {})).toBe("info");
    expect(kafkaLogLevel(DEBUG, {})).toBe("debug");
    expect(kafkaLogLevel(0, {})).toBeNull();
  });

  it("drops the retriable answers of a group coordinator that is still starting to debug", () => {
    // As kafkajs' Connection logs them: "Response GroupCoordinator(key: 10, version: 2)" with this error.
    expect(kafkaLogLevel(ERROR, { error: "The group coordinator is not available" })).toBe("debug");
    expect(
      kafkaLogLevel(ERROR, {
        error: "The coordinator is loading and hence can't process requests for this group",
      }),
    ).toBe("debug");
    expect(kafkaLogLevel(ERROR, { error: "This is not the correct coordinator for this group" })).toBe(
      "debug",
    );
  });

  it("does not hide a real failure that merely mentions the coordinator", () => {
    expect(
      kafkaLogLevel(ERROR, {
        error: "Failed to find group coordinator: The group coordinator is not available",
      }),
    ).toBe("error");
    expect(kafkaLogLevel(ERROR, { error: "Not authorized to access group: eventscope" })).toBe("error");
  });

  it("drops kafkajs' per-attempt lines about a refused login or an untrusted certificate to debug", () => {
    // As kafkajs logs them over SASL_SSL with a wrong password, or without the CA that signed the broker.
    expect(
      kafkaLogLevel(ERROR, {
        message: "SASL SCRAM SHA512 authentication failed: Authentication failed during authentication",
      }),
    ).toBe("debug");
    expect(
      kafkaLogLevel(ERROR, {
        message: "Response SaslAuthenticate(key: 36, version: 2)",
        error: "Authentication failed: Invalid username or password",
      }),
    ).toBe("debug");
    expect(
      kafkaLogLevel(ERROR, {
        message:
          "Failed to connect to seed broker, trying another broker from the list: Connection error: self-signed certificate in certificate chain",
      }),
    ).toBe("debug");
  });
});
