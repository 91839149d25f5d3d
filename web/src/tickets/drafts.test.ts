import { afterEach, describe, expect, it, vi } from "vitest";
import { loadDraft, saveDraft } from "./drafts";

describe("composer drafts", () => {
  afterEach(() => {
    sessionStorage.clear();
    vi.restoreAllMocks();
  });

  it("keeps a reply and a note per ticket, and forgets an empty draft", () => {
    expect(loadDraft("t1")).toEqual({ mode: "reply", reply: "", note: "" });
    saveDraft("t1", { mode: "note", reply: "Dear Ann,", note: "Check the invoice" });
    saveDraft("t2", { mode: "reply", reply: "Hello", note: "" });
    expect(loadDraft("t1")).toEqual({ mode: "note", reply: "Dear Ann,", note: "Check the invoice" });
    expect(loadDraft("t2").reply).toBe("Hello");

    saveDraft("t1", { mode: "reply", reply: "", note: "" });
    expect(sessionStorage.getItem("frontline.draft.t1")).toBeNull();
    expect(loadDraft("t1")).toEqual({ mode: "reply", reply: "", note: "" });
  });

  it("still keeps the text in memory when the storage refuses it", () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new Error("QuotaExceededError");
    });
    saveDraft("t3", { mode: "reply", reply: "Not lost", note: "" });
    expect(loadDraft("t3").reply).toBe("Not lost");
  });
});
