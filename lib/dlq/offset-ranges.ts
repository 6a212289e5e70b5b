/**
 * A set of offsets per partition written as compact ranges ("0-999,1005,1007-1010"), so a re-drive task
 * can persist exactly which letters it selected in one small Kafka record, whatever selected them.
 * Offsets are int64 decimal strings; bigint keeps them exact.
 */

export type PartitionRanges = Record<string, string>;

const RANGE = /^(\d{1,19})(?:-(\d{1,19}))?$/;

/** Sorted, de-duplicated ranges of one partition's offsets. */
export function encodeRanges(offsets: Iterable<string | bigint>): string {
  const sorted = [...new Set([...offsets].map((o) => BigInt(o)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const parts: string[] = [];
  let start: bigint | null = null;
  let prev: bigint | null = null;
  const flush = () => {
    if (start === null || prev === null) return;
    parts.push(start === prev ? `${start}` : `${start}-${prev}`);
  };
  for (const o of sorted) {
    if (prev !== null && o === prev + 1n) {
      prev = o;
      continue;
    }
    flush();
    start = o;
    prev = o;
  }
  flush();
  return parts.join(",");
}

/** Every offset the ranges name, in order; throws on a malformed string (it came from our own topic). */
export function* decodeRanges(ranges: string): Generator<string> {
  if (ranges === "") return;
  for (const part of ranges.split(",")) {
    const m = RANGE.exec(part);
    if (!m?.[1]) throw new Error(`"${part.slice(0, 40)}" is not an offset range`);
    const from = BigInt(m[1]);
    const to = m[2] === undefined ? from : BigInt(m[2]);
    if (to < from) throw new Error(`offset range "${part}" runs backwards`);
    for (let o = from; o <= to; o++) yield o.toString();
  }
}

/** Number of offsets the ranges name, without listing them. */
export function countRanges(ranges: string): number {
  if (ranges === "") return 0;
  let n = 0n;
  for (const part of ranges.split(",")) {
    const m = RANGE.exec(part);
    if (!m?.[1]) throw new Error(`"${part.slice(0, 40)}" is not an offset range`);
    const from = BigInt(m[1]);
    n += (m[2] === undefined ? from : BigInt(m[2])) - from + 1n;
  }
  return Number(n);
}

/** Letter ids (`topic/partition/offset`) of one topic → ranges per partition. */
export function idsToRanges(refs: Iterable<{ partition: number; offset: string }>): PartitionRanges {
  const byPartition = new Map<number, string[]>();
  for (const { partition, offset } of refs) {
    const list = byPartition.get(partition);
    if (list) list.push(offset);
    else byPartition.set(partition, [offset]);
  }
  const out: PartitionRanges = {};
  for (const [partition, offsets] of [...byPartition].sort((a, b) => a[0] - b[0])) {
    out[String(partition)] = encodeRanges(offsets);
  }
  return out;
}

/** The `{ partition, offset }` pairs the ranges name, partition by partition. */
export function* rangesToRefs(ranges: PartitionRanges): Generator<{ partition: number; offset: string }> {
  for (const [partition, text] of Object.entries(ranges)) {
    for (const offset of decodeRanges(text)) yield { partition: Number(partition), offset };
  }
}
