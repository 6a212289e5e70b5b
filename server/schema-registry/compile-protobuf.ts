/**
 * A .proto schema → a decoder of its messages. The wire format names the message type by its path in the
 * file (the message indexes in front of the body). Imported files come from the schema's references;
 * Google's well-known types (Timestamp, Duration, wrappers, …) come with protobufjs.
 */
import protobuf from "protobufjs";
import { readMessageIndexes } from "@/lib/schema-registry/wire-format";

/** Types in declaration order: the order the message indexes count in. */
function messagesIn(namespace: protobuf.NamespaceBase): protobuf.Type[] {
  return namespace.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
}

/** `referenced`: the .proto files it imports from other subjects, dependencies first. */
export function compileProtobuf(
  schema: string,
  referenced: readonly string[] = [],
): (body: Uint8Array) => unknown {
  const root = new protobuf.Root();
  const imports: string[] = [];
  for (const text of referenced)
    imports.push(...(protobuf.parse(text, root, { keepCase: true }).imports ?? []));
  // The message indexes count this file's own messages only, not those an imported file adds to its package.
  const own = protobuf.parse(schema, { keepCase: true });
  const ownTop = own.package ? own.root.lookup(own.package) : own.root;
  if (!(ownTop instanceof protobuf.Namespace)) throw new Error("the schema's package holds no messages");
  const ownNames = messagesIn(ownTop).map((type) => type.name);
  imports.push(...(protobuf.parse(schema, root, { keepCase: true }).imports ?? []));
  for (const file of new Set(imports)) {
    // Other imports come from the references; one that is missing is named when types are resolved.
    const common = protobuf.common.get(file);
    if (common?.nested) root.addJSON(common.nested);
  }
  root.resolveAll();
  const fileMessages = ownNames.map((name) => root.lookupType(own.package ? `${own.package}.${name}` : name));

  return (body) => {
    const { indexes, message } = readMessageIndexes(body);
    let type: protobuf.Type | undefined;
    let candidates = fileMessages;
    for (const index of indexes) {
      type = candidates[index];
      if (!type) throw new Error(`the schema has no message at index path [${indexes.join(", ")}]`);
      candidates = messagesIn(type);
    }
    const decoded = type!.decode(message);
    return type!.toObject(decoded, {
      longs: String,
      enums: String,
      bytes: String,
      defaults: true,
      oneofs: true,
    });
  };
}
