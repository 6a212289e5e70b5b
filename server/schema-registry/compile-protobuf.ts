/**
 * A .proto schema → a decoder of its messages. The wire format names the message type by its path in the
 * file (the message indexes in front of the body); Google's well-known types that the file imports
 * (Timestamp, Duration, wrappers, …) come with protobufjs.
 */
import protobuf from "protobufjs";
import { readMessageIndexes } from "@/lib/schema-registry/wire-format";

/** Types in declaration order: the order the message indexes count in. */
function messagesIn(namespace: protobuf.NamespaceBase): protobuf.Type[] {
  return namespace.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
}

export function compileProtobuf(schema: string): (body: Uint8Array) => unknown {
  const parsed = protobuf.parse(schema, { keepCase: true });
  for (const file of parsed.imports ?? []) {
    const common = protobuf.common.get(file);
    if (!common?.nested)
      throw new Error(`the schema imports ${file}, which is not one of Google's well-known types`);
    parsed.root.addJSON(common.nested);
  }
  parsed.root.resolveAll();
  const top = parsed.package ? parsed.root.lookup(parsed.package) : parsed.root;
  if (!(top instanceof protobuf.Namespace)) throw new Error("the schema's package holds no messages");
  const fileMessages = messagesIn(top);

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
