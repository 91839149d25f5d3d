import { describe, expect, it } from "vitest";
import { borrowedConventions, formatDate, formatDateTime, formatShortDate, formatTime } from "./format";

describe("a language the browser has no formatting data for", () => {
  it("borrows a neighbour's numbers and numeric dates only when its own month names are missing", () => {
    // ICU's root locale names December "M12": the browser has nothing of Kazakh's own.
    expect(borrowedConventions("kk", "M12")).toBe("ru");
    expect(borrowedConventions("kk", "желтоқсан")).toBeUndefined();
    // A language with no neighbour named keeps ICU's root formatting rather than another language's.
    expect(borrowedConventions("hu", "M12")).toBeUndefined();
  });
});

describe("a moment", () => {
  const noon = "2026-03-10T12:00:00Z";

  it("is told in the reader's time zone, whatever the device's", () => {
    expect(formatTime(noon, "en", "Asia/Almaty")).toBe("5:00 PM");
    expect(formatTime(noon, "hu", "Europe/Budapest")).toBe("13:00");
    expect(formatDateTime("2026-03-10T22:30:00Z", "uk", "Europe/Kyiv")).toMatch(/^11 бер\. 2026 р\., 00:30$/);
    expect(formatDate("2026-03-10T22:30:00Z", "en", "Asia/Almaty")).toBe("March 11, 2026");
    expect(formatShortDate("2026-03-10T22:30:00Z", "en", "America/New_York")).toBe("Mar 10, 2026");
  });
});
