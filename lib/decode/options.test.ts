import { describe, expect, it } from "vitest";

import { defaultDecodeOptions, resolveDecodeOptions } from "./options";

describe("resolveDecodeOptions", () => {
  it("defaults to a 64 KiB payload cap and the conventions' precedence", () => {
    expect(resolveDecodeOptions()).toEqual(defaultDecodeOptions);
    expect(defaultDecodeOptions.payloadCapBytes).toBe(65_536);
    expect(defaultDecodeOptions.tracePrecedence).toEqual([
      "traceparent",
      "b3",
      "b3-multi",
      "cloudevents",
      "correlation",
      "payload",
    ]);
    expect(defaultDecodeOptions.payloadPaths.traceId).toEqual(["traceId", "trace_id", "correlationId"]);
  });

  it("overrides single name lists and keeps the other defaults", () => {
    const options = resolveDecodeOptions({ headerNames: { service: ["app"] } as never });
    expect(options.headerNames.service).toEqual(["app"]);
    expect(options.headerNames.messageId).toEqual(defaultDecodeOptions.headerNames.messageId);
  });

  it("keeps defaults for options passed as undefined", () => {
    const options = resolveDecodeOptions({
      payloadCapBytes: undefined,
      headerNames: { service: undefined } as never,
    });
    expect(options.payloadCapBytes).toBe(65_536);
    expect(options.headerNames.service).toEqual(defaultDecodeOptions.headerNames.service);
  });
});
