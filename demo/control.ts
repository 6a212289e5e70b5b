/**
 * Failure injection and load, changed at run time through the gateway's /control endpoint. It lives in
 * the demo process (the services run there) but is not a channel between services: they still only
 * talk to each other through Kafka. It is the test bench's knobs, not part of the shop.
 */
import { z } from "zod";

export const controlStateSchema = z.object({
  /** Every payment attempt fails as if the payment provider were down. */
  paymentOutage: z.boolean(),
  /** Share (0..1) of UserRegistered events the user-service writes corrupted (a buggy serializer). */
  poisonRate: z.number().min(0).max(1),
  /** inventory-service stops consuming: its lag grows; false resumes it and it drains. */
  inventoryPaused: z.boolean(),
  /** Extra work per inventory message (a slow consumer); kept below the handler timeout. */
  inventoryDelayMs: z.number().int().min(0).max(5_000),
  /** Orders per second the load generator places through the gateway (0 = off). */
  rate: z.number().min(0).max(500),
});

export type ControlState = z.infer<typeof controlStateSchema>;

/** A POST /control body: any subset of the state; unknown fields are an error, not silently ignored. */
export const controlPatchSchema = controlStateSchema.partial().strict();
export type ControlPatch = z.infer<typeof controlPatchSchema>;

type Listener = (state: ControlState, previous: ControlState) => void;

export class Control {
  #state: ControlState;
  readonly #listeners = new Set<Listener>();

  constructor(initial: ControlState) {
    this.#state = controlStateSchema.parse(initial);
  }

  get state(): ControlState {
    return this.#state;
  }

  update(patch: ControlPatch): ControlState {
    const previous = this.#state;
    this.#state = controlStateSchema.parse({ ...previous, ...patch });
    for (const listener of this.#listeners) listener(this.#state, previous);
    return this.#state;
  }

  /** Calls `listener` after every update; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
