/**
 * DLQ topic name patterns (the usual DLQ/DLT suffixes and prefixes, and Spring Cloud Stream's
 * `error.<destination>.<group>`) and retry topic names.
 *
 * A pattern is a topic name in which `*` stands for one or more characters (dots included, since topic
 * names contain dots); everything else is literal. Matching is case-sensitive, exactly as written: Kafka
 * topic names are case-sensitive (`orders.DLQ` and `orders.dlq` can both exist), and the defaults already
 * list the spellings real producers use (`.DLQ`/`.dlq`, `.DLT`/`-dlt`), so folding case would only add
 * false positives such as a business topic named `Dlq-Reports`.
 */

export const DEFAULT_DLQ_PATTERNS: readonly string[] = [
  "*.DLQ",
  "*-dlq",
  "*.dlq",
  "*_dlq",
  "dlq.*",
  "dlq-*",
  "*.DLT",
  "*-dlt",
  "error.*.*",
  "*.dead-letter",
  "dead-letter-*",
];

/** Characters Kafka allows in a topic name, plus the wildcard. */
const PATTERN_CHARS = /^[A-Za-z0-9._*-]+$/;

/** Each pattern's expression, or null when the pattern is unusable (see dlqPatternProblem). */
const compiled = new Map<string, RegExp | null>();
// Patterns come from configuration, so the cache stays tiny; the cap only guards a UI that previews
// patterns while the user types.
const CACHE_LIMIT = 256;

function compile(pattern: string): RegExp | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("(.+)");
  const re = dlqPatternProblem(pattern) === null ? new RegExp(`^${source}$`) : null;
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/**
 * Topic name → DLQ or not, per pattern list. The collector asks for every record it reads, and the answer
 * only depends on the topic's name; a cluster has few topics, and the cap bounds one that keeps adding some.
 */
const verdicts = new WeakMap<readonly string[], Map<string, boolean>>();
const VERDICT_LIMIT = 4_096;

/** Why a configured pattern is unusable, or null when it is fine (for config validation). */
export function dlqPatternProblem(pattern: string): string | null {
  if (!PATTERN_CHARS.test(pattern)) {
    return `DLQ pattern "${pattern}" may only contain letters, digits, ".", "_", "-" and "*"`;
  }
  if (!/[^*]/.test(pattern)) return `DLQ pattern "${pattern}" would match every topic`;
  if (pattern.includes("**")) return `DLQ pattern "${pattern}" has adjacent wildcards`;
  return null;
}

/**
 * The wildcard captures of `name` against `pattern` (one string per `*`, in order), or null when it does
 * not match. Unusable patterns never match, so one bad config entry cannot mark every topic a DLQ.
 */
export function matchDlqPattern(name: string, pattern: string): string[] | null {
  const m = compile(pattern)?.exec(name);
  return m ? m.slice(1) : null;
}

export function isDlqTopicName(name: string, patterns: readonly string[] = DEFAULT_DLQ_PATTERNS): boolean {
  let known = verdicts.get(patterns);
  if (!known) verdicts.set(patterns, (known = new Map()));
  let verdict = known.get(name);
  if (verdict === undefined) {
    verdict = patterns.some((p) => compile(p)?.test(name) === true);
    if (known.size >= VERDICT_LIMIT) known.clear();
    known.set(name, verdict);
  }
  return verdict;
}

// Spring's @RetryableTopic names retry topics `<topic>-retry-<n>` (index) or `<topic>-retry-<delayMs>`;
// the demo (and other hand-rolled chains) use `<topic>.retry.<n>`.
const RETRY_NAMES = [/^(.+)-retry-\d+$/, /^(.+)\.retry\.\d+$/];

/**
 * The main topic a retry topic belongs to (`orders-retry-2` → `orders`, `payments.retry.1` →
 * `payments`), or null when `name` is not a retry topic. Retry topics are not DLQs: their records flow
 * back automatically, although they carry Spring's `kafka_original-*` headers.
 */
export function retryTopicBase(name: string): string | null {
  for (const re of RETRY_NAMES) {
    const base = re.exec(name)?.[1];
    if (base) return base;
  }
  return null;
}
