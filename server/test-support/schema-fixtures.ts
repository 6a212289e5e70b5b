/** Schemas the schema registry integration tests register and write records with. */

/**
 * Avro records whose `doc` names the run: the registry answers an existing id for a schema it already
 * holds (under any subject), so this keeps the schemas, and so their subjects and versions, the run's own.
 */
export function avroSchemas(runId: string) {
  const avroRecord = (name: string, fields: object[]) => ({ type: "record", name, doc: runId, fields });
  const userV1 = avroRecord("UserRegistered", [
    { name: "userId", type: "string" },
    { name: "name", type: "string" },
  ]);
  const userV2 = { ...userV1, fields: [...userV1.fields, { name: "email", type: "string", default: "" }] };
  const traced = avroRecord("PaymentCaptured", [
    { name: "paymentId", type: "string" },
    { name: "amountCents", type: "long" },
    { name: "traceId", type: "string" },
  ]);
  // The same record with one more long at the end, beyond 2^53 (what avsc's default long type refuses).
  const tracedWithLedger = { ...traced, fields: [...traced.fields, { name: "ledgerEntry", type: "long" }] };

  // RefundIssued uses Money, registered under a subject of its own (a Confluent reference).
  const money = avroRecord("Money", [{ name: "cents", type: "long" }]);
  const refund = avroRecord("RefundIssued", [
    { name: "refundId", type: "string" },
    { name: "amount", type: "Money" },
  ]);
  return { userV1, userV2, traced, tracedWithLedger, money, refund };
}

const proto = `syntax = "proto3";
package shop.stock;
message StockReserved { string sku = 1; int64 quantity = 2; bytes checksum = 3; }
message StockReleased { string sku = 1; Reason reason = 2; enum Reason { UNKNOWN = 0; CANCELLED = 1; } }
`;
const protoKey = `syntax = "proto3";
message Sku { string code = 1; }
`;
// Built from schemas under other subjects (Confluent `references`). The imported .proto shares the
// package, so only the file's own messages may count for the message indexes.
const commonProto = `syntax = "proto3";
package shop.orders;
message Money { int64 cents = 1; }
`;
const placedProto = `syntax = "proto3";
package shop.orders;
import "shop/common.proto";
import "google/protobuf/timestamp.proto";
message OrderPlaced { string id = 1; Money total = 2; google.protobuf.Timestamp at = 3; }
`;
/** The same wire layout in one file, for the producer side of the test. */
const placedInline = `syntax = "proto3";
package shop.orders;
message OrderPlaced { string id = 1; Money total = 2; Ts at = 3; }
message Money { int64 cents = 1; }
message Ts { int64 seconds = 1; int32 nanos = 2; }
`;
const jsonSchema = JSON.stringify({
  type: "object",
  properties: { orderId: { type: "string" }, total: { type: "number" } },
});

export const otherSchemas = { proto, protoKey, commonProto, placedProto, placedInline, jsonSchema };
