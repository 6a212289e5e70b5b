import { describe, expect, it } from "vitest";
import { checkOrigin } from "@/server/auth/origin";

const host = "127.0.0.1:3000";

describe("checkOrigin", () => {
  it("accepts the dashboard's own origin", () => {
    expect(checkOrigin({ host, origin: "http://127.0.0.1:3000" }, [])).toEqual({
      ok: true,
      origin: "http://127.0.0.1:3000",
    });
  });

  it("refuses another site, another port and the opaque origin", () => {
    expect(checkOrigin({ host, origin: "http://evil.example" }, []).ok).toBe(false);
    expect(checkOrigin({ host, origin: "http://127.0.0.1:3001" }, []).ok).toBe(false);
    expect(checkOrigin({ host, origin: "null" }, [])).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("falls back to the Referer's origin, and refuses a request with neither", () => {
    expect(checkOrigin({ host, referer: "http://127.0.0.1:3000/dlq/x?y" }, []).ok).toBe(true);
    expect(checkOrigin({ host }, [])).toMatchObject({ ok: false, reason: "missing" });
  });

  it("prefers Origin over Referer", () => {
    expect(
      checkOrigin({ host, origin: "http://evil.example", referer: "http://127.0.0.1:3000/" }, []).ok,
    ).toBe(false);
  });

  it("accepts configured origins for a reverse proxy that rewrites Host", () => {
    const allowed = ["https://eventscope.example.com"];
    expect(checkOrigin({ host: "10.0.0.5:3000", origin: "https://eventscope.example.com" }, allowed).ok).toBe(
      true,
    );
  });
});
