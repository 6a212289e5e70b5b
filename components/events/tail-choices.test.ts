import { describe, expect, it } from "vitest";
import { CHOICES_CAP, addChoices, noChoices } from "@/components/events/tail-choices";
import { emptyTail, tailReducer } from "@/components/events/tail-reducer";
import { makeTailEvent, tailBatch as batch } from "@/components/events/test-support/tail-events";

const from = (service: string | null, eventType: string | null = null) => ({
  ...makeTailEvent(),
  service,
  eventType,
});

describe("the filter's choices from what the tail showed", () => {
  it("lists the services and types shown, sorted, without blanks", () => {
    const choices = addChoices(noChoices, [
      from("payment", "Paid"),
      from("gateway", null),
      from(null, "Placed"),
    ]);
    expect(choices).toEqual({ services: ["gateway", "payment"], types: ["Paid", "Placed"] });
  });

  it("keeps the same arrays while nothing new appears, so the selects need not re-render", () => {
    const choices = addChoices(noChoices, [from("payment", "Paid")]);
    expect(addChoices(choices, [from("payment", "Paid"), from(null)])).toBe(choices);
  });

  it("keeps a service listed after its events left the list", () => {
    const shown = tailReducer(emptyTail(), batch([from("rare")]), 1);
    const later = tailReducer(shown, batch([from("busy"), from("busy")]), 1);
    expect(later.rows.map((e) => e.service)).toEqual(["busy"]);
    expect(later.choices.services).toEqual(["busy", "rare"]);
  });

  it("lists no more than CHOICES_CAP values, whatever a stream makes up", () => {
    const madeUp = Array.from({ length: CHOICES_CAP * 3 }, (_, n) => from(`svc-${n}`));
    expect(addChoices(noChoices, madeUp).services).toHaveLength(CHOICES_CAP);
  });
});
