/** key → events in insertion order; removal is always of the oldest (see MemoryEventStore's invariant). */
import type { EventRecord } from "@/lib/model/event";

export class MultiMap {
  private readonly map = new Map<string, EventRecord[]>();

  add(key: string | null, event: EventRecord): void {
    if (!key) return;
    const list = this.map.get(key);
    if (list) list.push(event);
    else this.map.set(key, [event]);
  }

  get(key: string): EventRecord[] {
    return [...(this.map.get(key) ?? [])];
  }

  removeFirst(key: string | null, event: EventRecord): void {
    if (!key) return;
    const list = this.map.get(key);
    if (!list) return;
    const i = list[0] === event ? 0 : list.indexOf(event);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}
