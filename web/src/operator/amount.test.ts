import { describe, expect, it } from "vitest";
import { formatAmountInput, parseAmount } from "./amount";

describe("amounts as typed", () => {
  it("read into minor units by the currency's decimals", () => {
    expect(parseAmount("50", "USD")).toBe(5_000);
    expect(parseAmount("49.90", "USD")).toBe(4_990);
    expect(parseAmount("49,9", "USD")).toBe(4_990);
    expect(parseAmount(" 1 250.05 ", "USD")).toBe(125_005);
    expect(parseAmount("-5", "USD")).toBe(-500);
    expect(parseAmount("−0.01", "USD")).toBe(-1);
    expect(parseAmount("500", "JPY")).toBe(500);
  });

  it("refuse what is not an amount", () => {
    for (const text of ["", "abc", "1.234", "1,000.50", "5e3", "--5", "1.", ".5"]) expect(parseAmount(text, "USD"), text).toBeUndefined();
    expect(parseAmount("5.5", "JPY")).toBeUndefined();
  });

  it("show minor units back as an editable amount", () => {
    expect(formatAmountInput(4_990, "USD")).toBe("49.90");
    expect(formatAmountInput(100, "USD")).toBe("1.00");
    expect(formatAmountInput(500, "JPY")).toBe("500");
  });
});
