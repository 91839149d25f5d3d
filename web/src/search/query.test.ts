import { describe, expect, it } from "vitest";
import { queryString } from "../api/client";
import { canSearch, emptySearch, hasSearchFilters, parseSearch, parseTags, searchHref, searchQuery, withoutSearchFilters } from "./query";

const fromHref = (href: string) => parseSearch(Object.fromEntries(new URL(href, "http://x").searchParams));

describe("a search in the address", () => {
  it("reads the words, every filter and the sort, and writes them back the same way, lists with their commas", () => {
    const href =
      "/search?q=%D0%BF%D0%BB%D0%B0%D1%82%D1%96%D0%B6%20%2342&status=open,pending&departmentId=d1&assigneeId=none,me&priority=high,urgent&tag=vip,billing" +
      "&customerId=c1&organizationId=o1&from=2026-03-01&to=2026-03-31&sort=updated";
    const state = fromHref(href);
    expect(state).toEqual({
      q: "платіж #42",
      status: ["open", "pending"],
      departmentId: ["d1"],
      assigneeId: ["none", "me"],
      priority: ["high", "urgent"],
      tag: ["vip", "billing"],
      customerId: "c1",
      organizationId: "o1",
      from: "2026-03-01",
      to: "2026-03-31",
      sort: "updated",
    });
    expect(searchHref(state)).toBe(href);
    expect(fromHref(searchHref(state))).toEqual(state);
  });

  it("drops what the API would refuse, and leaves the defaults out", () => {
    const state = parseSearch({ q: "  invoice  ", status: "open,lost,open", priority: "sky-high", tag: " VIP ,, Billing", from: "2026-13-45", to: "yesterday", sort: "random", customerId: "x".repeat(65) });
    expect(state).toEqual({ ...emptySearch(), q: "invoice", status: ["open"], tag: ["vip", "billing"] });
    expect(parseSearch({ q: "a".repeat(250) }).q).toHaveLength(200);
    expect(searchHref(emptySearch())).toBe("/search");
    expect(searchHref({ ...emptySearch(), q: "a&b=c" })).toBe("/search?q=a%26b%3Dc");
  });

  it("asks the API with comma-separated lists, without what is not set", () => {
    const state = fromHref("/search?q=refund&status=open,pending&assigneeId=me&from=2026-03-01");
    expect(searchQuery(state)).toEqual({ q: "refund", status: "open,pending", assigneeId: "me", from: "2026-03-01", limit: 20 });
    expect(queryString({ ...searchQuery(state, "next") })).toBe("?q=refund&status=open%2Cpending&assigneeId=me&from=2026-03-01&cursor=next&limit=20");
  });

  it("searches with words or a filter, never with neither", () => {
    expect(canSearch(emptySearch())).toBe(false);
    expect(canSearch({ ...emptySearch(), sort: "updated" })).toBe(false);
    expect(canSearch({ ...emptySearch(), q: "x" })).toBe(true);
    expect(canSearch({ ...emptySearch(), customerId: "c1" })).toBe(true);
    expect(hasSearchFilters({ ...emptySearch(), q: "x" })).toBe(false);
    expect(hasSearchFilters({ ...emptySearch(), to: "2026-01-01" })).toBe(true);
    expect(withoutSearchFilters(fromHref("/search?q=x&status=open&customerId=c&sort=updated"))).toEqual({ ...emptySearch(), q: "x", sort: "updated" });
  });

  it("reads tags as typed: lowercased, comma-separated, each at most 40 characters", () => {
    expect(parseTags(" VIP, billing ,,vip, " + "x".repeat(41))).toEqual(["vip", "billing"]);
  });
});
