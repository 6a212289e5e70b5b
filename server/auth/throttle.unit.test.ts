import { describe, expect, it } from "vitest";
import { clientKey, SignInThrottle } from "@/server/auth/throttle";

const limits = { perClient: 3, global: 5, windowMs: 60_000, maxClients: 4 };

describe("SignInThrottle", () => {
  it("allows a client `perClient` attempts per window, then refuses until the window slides", () => {
    let now = 0;
    const throttle = new SignInThrottle(limits, () => now);
    expect([1, 2, 3, 4].map(() => throttle.attempt("a"))).toEqual([true, true, true, false]);
    now += 60_001;
    expect(throttle.attempt("a")).toBe(true);
  });

  it("bounds guesses spread over many clients by the global limit", () => {
    const throttle = new SignInThrottle({ ...limits, maxClients: 100 });
    const outcomes = ["a", "b", "c", "d", "e", "f", "g"].map((c) => throttle.attempt(c));
    expect(outcomes).toEqual([true, true, true, true, true, false, false]);
  });

  it("forgets a client's attempts after it signs in", () => {
    const throttle = new SignInThrottle(limits);
    throttle.attempt("a");
    throttle.attempt("a");
    throttle.attempt("a");
    throttle.succeeded("a");
    expect(throttle.attempt("a")).toBe(true);
  });

  it("when full, forgets only the least recently seen client, never everyone", () => {
    const throttle = new SignInThrottle({ ...limits, global: 1_000 });
    for (const c of ["b", "c", "d", "e"]) for (let i = 0; i < 3; i++) throttle.attempt(c);
    expect(throttle.attempt("f")).toBe(true);
    expect(throttle.size).toBe(4);
    // b (seen least recently) was forgotten; c, d and e are still blocked.
    expect(["c", "d", "e"].map((c) => throttle.attempt(c))).toEqual([false, false, false]);
    expect(throttle.attempt("b")).toBe(true);
  });
});

describe("clientKey", () => {
  it("counts an IPv4-mapped address as the IPv4 address", () => {
    expect(clientKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey("192.0.2.7")).toBe("192.0.2.7");
  });

  it("counts every address of one IPv6 /64 as one client", () => {
    expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002:ffff:eeee:dddd:cccc")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey(undefined)).toBe("unknown");
  });
});
