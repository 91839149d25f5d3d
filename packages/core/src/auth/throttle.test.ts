import { describe, expect, it } from "vitest";
import { sourceOf } from "./throttle";

/** Where an attempt comes from: one source per IPv4 address and per IPv6 /64, whatever the notation. */
describe("the source of an attempt", () => {
  it("is an IPv4 address itself", () => {
    expect(sourceOf("192.0.2.1")).toBe("192.0.2.1");
  });

  it("is the IPv4 address inside an IPv4-mapped IPv6 address, in every notation", () => {
    for (const mapped of ["::ffff:192.0.2.1", "::FFFF:192.0.2.1", "::ffff:c000:201", "0:0:0:0:0:ffff:192.0.2.1", "0000:0000:0000:0000:0000:ffff:c000:0201"]) {
      expect(sourceOf(mapped), mapped).toBe("192.0.2.1");
    }
  });

  it("is the /64 of an IPv6 address, the same for its compressed, expanded and upper-case forms", () => {
    const forms = ["2001:db8:1:2::5", "2001:0db8:0001:0002:0000:0000:0000:0005", "2001:DB8:1:2:0:0:0:5", "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::5%eth0"];
    for (const form of forms) expect(sourceOf(form), form).toBe("2001:db8:1:2::/64");
    expect(sourceOf("2001:db8::1")).toBe("2001:db8::/64");
    expect(sourceOf("2001:db8:0:0:1::")).toBe("2001:db8::/64");
    expect(sourceOf("2001:db8:1:3::5")).not.toBe(sourceOf("2001:db8:1:2::5"));
  });

  it("keeps IPv6 addresses that only embed an IPv4 address apart from that IPv4 address", () => {
    // NAT64 (64:ff9b::/96) carries many hosts' IPv4 addresses in one /64: it is that /64, not each host.
    expect(sourceOf("64:ff9b::192.0.2.1")).toBe("64:ff9b::/64");
    expect(sourceOf("::1")).toBe("::/64");
  });

  it("is 'unknown' without an address, and the text itself (bounded) when it is not an address", () => {
    expect(sourceOf(undefined)).toBe("unknown");
    expect(sourceOf("not-an-address")).toBe("not-an-address");
    expect(sourceOf("x".repeat(500))).toHaveLength(64);
  });
});
