/** Times HTTP GETs one after another on a kept-alive connection, as one user's clicks would arrive. */
import { ascending } from "./stats";

/** Each request's ms from send to full body; throws when a response has a status other than `expect`. */
export async function timeGets(
  base: string,
  paths: (i: number) => string,
  n: number,
  expect: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${base}${paths(i)}`);
    await res.arrayBuffer();
    samples.push(performance.now() - t);
    if (res.status !== expect) throw new Error(`GET ${paths(i)} answered ${res.status}, expected ${expect}`);
  }
  return ascending(samples);
}
