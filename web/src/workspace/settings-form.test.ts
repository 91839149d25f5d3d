import { describe, expect, it } from "vitest";
import type { Settings } from "../api/types";
import { fieldKeyFor, newField, settingsChanges, settingsForm } from "./settings-form";

const settings: Settings = {
  name: "Acme Support",
  slug: "acme",
  aliases: [],
  timeZone: "UTC",
  locale: "en",
  inboundAddress: "acme@frontline.localhost",
  customerFields: [{ key: "plan", label: "Plan", type: "select", required: false, options: ["Basic", "Gold"] }],
};

describe("the settings form", () => {
  it("sends nothing when nothing changed, and only what changed otherwise", () => {
    const form = settingsForm(settings);
    expect(settingsChanges(form, settings)).toEqual({});
    expect(settingsChanges({ ...form, name: " Acme Help " }, settings)).toEqual({ name: "Acme Help" });
    const fields = [{ ...form.customerFields[0]!, options: "Basic\nGold\n Platinum " }, { ...newField(), key: "phone", label: "Phone", type: "phone" as const }];
    expect(settingsChanges({ ...form, customerFields: fields }, settings)).toEqual({
      customerFields: [
        { key: "plan", label: "Plan", type: "select", required: false, options: ["Basic", "Gold", "Platinum"] },
        { key: "phone", label: "Phone", type: "phone", required: false },
      ],
    });
  });

  it("shows a time zone stored under its old name by its current one, and does not count that as a change", () => {
    const old = { ...settings, timeZone: "Asia/Calcutta" };
    const form = settingsForm(old);
    expect(form.timeZone).toBe("Asia/Kolkata");
    expect(settingsChanges(form, old)).toEqual({});
    expect(settingsChanges({ ...form, timeZone: "Europe/Kyiv" }, old)).toEqual({ timeZone: "Europe/Kyiv" });
  });

  it("suggests a field's key from its label", () => {
    expect(fieldKeyFor("Order number")).toBe("order_number");
    expect(fieldKeyFor("Номер заказа")).toBe("nomer_zakaza");
    expect(fieldKeyFor("Тапсырыс нөмірі")).toBe("tapsyrys_nomiri");
    expect(fieldKeyFor("2nd phone")).toBe("f_2nd_phone");
    expect(fieldKeyFor("!!!")).toBe("");
  });
});
