import { describe, expect, it } from "vitest";
import { HostAllowList } from "@/server/http/host-allow-list";

const check = (list: HostAllowList, host: string | undefined, port = 3000) => list.check({ host }, port).ok;

describe("HostAllowList", () => {
  it("answers the bind address and the loopback names on the listening port, or bare", () => {
    const list = new HostAllowList("127.0.0.1", []);
    for (const host of ["127.0.0.1:3000", "localhost:3000", "LocalHost:3000", "[::1]:3000", "localhost"])
      expect(check(list, host), host).toBe(true);
  });

  it("refuses other names, other ports, a missing Host and look-alikes", () => {
    const list = new HostAllowList("127.0.0.1", []);
    for (const host of [
      "evil.example:3000",
      "localhost:3001",
      "localhost.evil.example:3000",
      "127.0.0.1.nip.io:3000",
      "localhost:3000:3000",
      "",
      undefined,
    ])
      expect(check(list, host), String(host)).toBe(false);
  });

  it("writes an IPv6 bind address in brackets, as browsers send it", () => {
    const list = new HostAllowList("::1", []);
    expect(check(list, "[::1]:3000")).toBe(true);
    expect(new HostAllowList("fd00::5", []).check({ host: "[fd00::5]:3000" }, 3000).ok).toBe(true);
  });

  it("adds configured names: bare ones on any of their usual forms, ones with a port exactly", () => {
    const list = new HostAllowList("0.0.0.0", ["eventscope.internal", "proxy.example:8443"]);
    expect(check(list, "eventscope.internal")).toBe(true);
    expect(check(list, "eventscope.internal:3000")).toBe(true);
    expect(check(list, "eventscope.internal:8080")).toBe(false);
    expect(check(list, "proxy.example:8443")).toBe(true);
    expect(check(list, "proxy.example")).toBe(false);
  });
});
