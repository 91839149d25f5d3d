import { describe, expect, it } from "vitest";
import { borrowedConventions } from "./format";

describe("a language the browser has no formatting data for", () => {
  it("borrows a neighbour's numbers and numeric dates only when its own month names are missing", () => {
    // ICU's root locale names December "M12": the browser has nothing of Kazakh's own.
    expect(borrowedConventions("kk", "M12")).toBe("ru");
    expect(borrowedConventions("kk", "желтоқсан")).toBeUndefined();
    // A language with no neighbour named keeps ICU's root formatting rather than another language's.
    expect(borrowedConventions("hu", "M12")).toBeUndefined();
  });
});
