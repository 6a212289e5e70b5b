/** The integration tests' schema registry (the embedded Apicurio Registry the global setup starts). */
import { registerSchema } from "@/demo/messaging/schema-registry";
import { writeWireFrame } from "@/lib/schema-registry/wire-format";
import { registryInstance, registryUrl } from "@/scripts/registry/paths";

export const testRegistryUrl = registryUrl(registryInstance());

/** Registers a schema under a subject no other test uses; returns its id. */
export function registerTestSchema(
  subject: string,
  schema: string,
  schemaType: "AVRO" | "PROTOBUF" | "JSON" = "AVRO",
): Promise<number> {
  return registerSchema(testRegistryUrl, subject, schema, schemaType);
}

/** Bytes as a Confluent serializer writes them. */
export const framed = (schemaId: number, body: Uint8Array): Buffer =>
  Buffer.from(writeWireFrame(schemaId, body));
