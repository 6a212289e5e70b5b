import { describe, expect, it } from "vitest";
import { SessionStore } from "@/server/auth/sessions";
import { tokenMatches } from "@/server/auth/token";

describe("SessionStore", () => {
  it("finds a session by its cookie id until it expires", () => {
    let now = 1_000;
    const store = new SessionStore(60_000, () => now);
    const { id } = store.create("alice");
    expect(store.get(id)?.user).toBe("alice");
    now += 60_000;
    expect(store.get(id)).toBeNull();
    expect(store.size).toBe(0);
  });

  it("issues unguessable ids and forgets deleted sessions", () => {
    const store = new SessionStore(60_000);
    const a = store.create("a").id;
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.create("b").id).not.toBe(a);
    store.delete(a);
    expect(store.get(a)).toBeNull();
    expect(store.get("made-up")).toBeNull();
  });
});

describe("tokenMatches", () => {
  it("compares whole tokens of any length", () => {
    expect(tokenMatches("secret-token-123456", "secret-token-123456")).toBe(true);
    expect(tokenMatches("secret-token-12345", "secret-token-123456")).toBe(false);
    expect(tokenMatches("", "secret-token-123456")).toBe(false);
  });
});
