/**
 * Schemas a schema is built from (Confluent `references`: an Avro named type or a .proto import kept
 * under another subject), fetched transitively, each once, dependencies before the schemas that use them.
 */
const MAX_REFERENCED = 32;

interface Reference {
  subject: string;
  version: number;
}

function asReferences(list: unknown): Reference[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: { subject?: unknown; version?: unknown }) =>
    typeof item?.subject === "string" && typeof item.version === "number"
      ? [{ subject: item.subject, version: item.version }]
      : [],
  );
}

/** `fetchVersion` answers `GET /subjects/{subject}/versions/{version}`. */
export async function fetchReferenced(
  references: unknown,
  fetchVersion: (subject: string, version: number) => Promise<unknown>,
): Promise<string[]> {
  const texts: string[] = [];
  const seen = new Set<string>();
  const visit = async (list: unknown): Promise<void> => {
    for (const ref of asReferences(list)) {
      const key = `${ref.subject} v${ref.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > MAX_REFERENCED) throw new Error(`it references more than ${MAX_REFERENCED} schemas`);
      const found = (await fetchVersion(ref.subject, ref.version)) as {
        schema?: unknown;
        references?: unknown;
      };
      if (typeof found.schema !== "string") throw new Error(`its reference ${key} has no schema`);
      await visit(found.references);
      texts.push(found.schema);
    }
  };
  await visit(references);
  return texts;
}
