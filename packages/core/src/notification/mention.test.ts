import { describe, expect, it } from "vitest";
import { mentioned, split } from "./mention";

const staff = [
  { staffId: "anna", name: "Anna Petrova", email: "anna.petrova@acme.example" },
  { staffId: "bolat", name: "Bolat Nurlanuly", email: "b.nurlanuly@acme.example" },
  { staffId: "bob", name: "Bolat Smith", email: "b.smith@acme.example" },
  { staffId: "olena", name: "Олена Коваль", email: "olena@acme.example" },
];

describe("mentions in a note", () => {
  it("finds a colleague by full name, address or unique first name, in any case", () => {
    expect(mentioned("@Anna Petrova please look", staff)).toEqual(["anna"]);
    expect(mentioned("cc @anna.petrova.", staff)).toEqual(["anna"]);
    expect(mentioned("@anna, and @олена!", staff)).toEqual(["anna", "olena"]);
  });

  it("does not guess between colleagues who share a first name, but takes their addresses", () => {
    expect(mentioned("@Bolat can you?", staff)).toEqual([]);
    expect(mentioned("@b.nurlanuly: yes; @b.smith too; @Bolat Smith", staff)).toEqual(["bolat", "bob"]);
  });

  it("ignores addresses and longer words that only start with a handle", () => {
    expect(mentioned("write to support@anna.petrova.example or @annabel", staff)).toEqual([]);
  });

  it("cuts the text into plain parts and mentions, keeping every character", () => {
    const body = "Hi @Anna Petrova, see @olena.";
    const parts = split(body, staff);
    expect(parts).toEqual([{ text: "Hi " }, { text: "@Anna Petrova", staffId: "anna" }, { text: ", see " }, { text: "@olena", staffId: "olena" }, { text: "." }]);
    expect(parts.map((p) => p.text).join("")).toBe(body);
  });
});
