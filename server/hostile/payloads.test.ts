import { expect, it } from "vitest";
import { describeHostileCases, type HostileCase } from "@/server/test-support/hostile";

const XSS = '<img src=x onerror="globalThis.__hostile=1">';

/** Keys and values: bytes that are not text, text that is not well-formed, text meant to be executed. */
const cases: HostileCase[] = [
  { name: "binary value with NUL bytes", key: "bin", value: Buffer.from([0, 1, 2, 0xff, 0, 0x80, 0x7f, 0]) },
  { name: "invalid UTF-8 value", key: "bad-utf8", value: Buffer.from([0xff, 0xfe, 0xfd, 0xc3, 0x28, 0xa0]) },
  { name: "invalid UTF-8 key", key: Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), value: "{}" },
  { name: "tombstone (null value)", key: "deleted-entity", value: null },
  { name: "null key", key: null, value: '{"type":"NoKey"}' },
  { name: "empty value and empty key", key: "", value: Buffer.alloc(0) },
  { name: "empty message (no key, no value, no headers)", value: null },
  { name: "JSON that is cut off", key: "cut", value: '{"orderId":"o-1","items":[{"sku":' },
  {
    name: "huge numbers in JSON",
    key: "num",
    value: '{"amount":1e400,"id":123456789012345678901234567890,"neg":-1e-400,"big":18446744073709551616}',
  },
  {
    name: "control characters and terminal escapes",
    key: "ctl\u0000\u0007\u001b[31m",
    value: '{"note":"line1\\r\\nline2\\u0000\\u001b[2J\\u0008"}\u0000\u001b]0;owned\u0007',
  },
  {
    name: "right-to-left override and bidi text",
    key: "\u202eredro\u202c-\u05e9\u05dc\u05d5\u05dd",
    value: '{"customer":"\u0645\u0631\u062d\u0628\u0627 \u202egpj.exe","type":"\u202eOrderPlaced"}',
  },
  {
    name: "lone surrogates and emoji",
    key: "\ud800x\udfff-\u{1f4a5}",
    value: '{"s":"\\ud800","e":"\u{1f469}\u200d\u{1f4bb}"}',
  },
  { name: "XSS payload in the key", key: XSS, value: '{"type":"OrderPlaced"}' },
  {
    name: "XSS payloads in the value",
    key: "xss-value",
    value: JSON.stringify({
      type: "</script><script>globalThis.__hostile=1</script>",
      html: XSS,
      link: "javascript:globalThis.__hostile=1",
      svg: "<svg/onload=globalThis.__hostile=1>",
    }),
  },
  { name: "XSS as a bare (non-JSON) value", key: "xss-text", value: `</script>${XSS}<!--` },
  {
    name: "prototype pollution keys",
    key: "__proto__",
    value: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"__proto__"}',
  },
  {
    name: "JSON content type on a non-JSON value",
    key: "ct",
    value: "not json at all",
    headers: { "content-type": "application/json" },
  },
];

describeHostileCases("hostile keys and values", cases, {}, () => {
  it("no record polluted Object.prototype or ran in the backend", () => {
    expect("polluted" in {}).toBe(false);
    expect((globalThis as Record<string, unknown>).__hostile).toBeUndefined();
  });
});
