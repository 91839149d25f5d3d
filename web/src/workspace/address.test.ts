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

  it("writes Ukrainian as the official romanisation does, і ї є ґ and и included", () => {
    expect(suggestSlug("Служба підтримки")).toBe("sluzhba-pidtrymky");
    expect(suggestSlug("Підтримка")).toBe("pidtrymka");
    expect(suggestSlug("Київ Харків Стрий")).toBe("kyiv-kharkiv-stryi");
    expect(suggestSlug("Їжакевич Євген Ґанок")).toBe("yizhakevych-yevhen-ganok");
    expect(suggestSlug("Яготин Розгон Згорани", "uk")).toBe("yahotyn-rozghon-zghorany");
    expect(suggestSlug("Знам'янка, Щастя, Юрій")).toBe("znamianka-shchastia-yurii");
    // Without a letter only Ukrainian has, the reader's language decides: "Пошта" is the same either way, "Гаряча лінія" is not.
    expect(suggestSlug("Гаряча лінія")).toBe("hariacha-liniia");
    expect(suggestSlug("Гарячий відгук", "uk")).toBe("hariachyi-vidhuk");
  });

  it("writes Kazakh letters as the Kazakh Latin alphabet does, in names of every kind", () => {
    expect(suggestSlug("Төлем бөлімі")).toBe("tolem-bolimi");
    expect(suggestSlug("Шағымдар")).toBe("shagymdar");
    expect(suggestSlug("Ақпарат орталығы")).toBe("aqparat-ortalygy");
    expect(suggestSlug("Көмек қызметі", "ru")).toBe("komek-qyzmeti");
    expect(suggestSlug("Сату бөлімі", "kk")).toBe("satu-bolimi");
  });

  it("writes Russian as passports do, ё and stress marks included", () => {
    expect(suggestSlug("Служба поддержки")).toBe("sluzhba-podderzhki");
    expect(suggestSlug("Щука и Ёж")).toBe("shchuka-i-yozh");
    expect(suggestSlug("Заме́тки о́тдела")).toBe("zametki-otdela");
    expect(suggestSlug("Цветы Юга, Хабаровск")).toBe("tsvety-yuga-khabarovsk");
  });

  it("drops Hungarian accents, ö ü ő ű as o and u", () => {
    expect(suggestSlug("Árvíztűrő tükörfúrógép")).toBe("arvizturo-tukorfurogep");
    expect(suggestSlug("Ügyfélszolgálat")).toBe("ugyfelszolgalat");
    expect(suggestSlug("Számlázás és Panaszkezelés")).toBe("szamlazas-es-panaszkezeles");
    expect(suggestSlug("Önkormányzati Ügyek")).toBe("onkormanyzati-ugyek");
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
