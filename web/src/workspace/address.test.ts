import { describe, expect, it } from "vitest";
import { inboundAddressFor, suggestSlug } from "./address";

describe("suggestSlug", () => {
  it("makes a valid workspace address from a name", () => {
    expect(suggestSlug("Acme Support, Inc.")).toBe("acme-support-inc");
    expect(suggestSlug("  --Café  Crème-- ")).toBe("cafe-creme");
    expect(suggestSlug("Ромашка Сервис")).toBe("romashka-servis");
    expect(suggestSlug("!!!")).toBe("");
  });

  it("writes Kazakh letters as the Kazakh Latin alphabet does, without diacritics", () => {
    expect(suggestSlug("Қолдау қызметі")).toBe("qoldau-qyzmeti");
    expect(suggestSlug("Әсем Ғарыш Өнер Үй Ұлы Һ Жаңа")).toBe("asem-garysh-oner-uy-uly-h-zhana");
  });

  it("stays within 40 characters without a trailing hyphen", () => {
    const slug = suggestSlug("a".repeat(39) + " b");
    expect(slug).toBe("a".repeat(39));
    expect(suggestSlug("x".repeat(60))).toHaveLength(40);
  });
});

describe("inboundAddressFor", () => {
  it("previews the address mail is forwarded to", () => {
    expect(inboundAddressFor("acme")).toBe("acme@frontline.localhost");
  });
});
