import { describe, expect, it } from "vitest";
import { isInternalGroup } from "./internal-group";

describe("isInternalGroup", () => {
  it("recognises the groups Eventscope creates under its client id", () => {
    expect(isInternalGroup("eventscope-collector", "eventscope")).toBe(true);
    expect(isInternalGroup("eventscope-collector-new-2", "eventscope")).toBe(true);
    expect(isInternalGroup("eventscope-dlq-payments.DLQ", "eventscope")).toBe(true);
    expect(isInternalGroup("ops-dash-collector", "ops-dash")).toBe(true);
  });

  it("leaves the user's groups alone, even ones that merely start with the same word", () => {
    expect(isInternalGroup("inventory-service", "eventscope")).toBe(false);
    expect(isInternalGroup("eventscope", "eventscope")).toBe(false);
    expect(isInternalGroup("eventscopes-billing", "eventscope")).toBe(false);
    expect(isInternalGroup("eventscope-collector", "ops-dash")).toBe(false);
  });
});
