import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of the workspace page: the workspace and the reader's own profile, in Hungarian. */
const strings: Strings = {
  profile: {
    title: "Az Ön profilja",
    explain: "A konzol és a Frontline Önnek küldött levelei (SLA-értesítések) az Ön nyelvén szólnak, és az időpontokat az Ön időzónájában adják meg.",
    language: "Az Ön nyelve",
    timeZone: "Az Ön időzónája",
    workspaceZone: template<{ zone: string }>("A munkaterületé ({zone})"),
    saved: "Mentve.",
  },
  workspace: {
    title: "Munkaterület",
    subtitle: "Csomagja, egyenlege és az a cím, ahová ügyfelei levelei érkeznek.",
    subtitleWithoutBilling: "Csomagja és az a cím, ahová ügyfelei levelei érkeznek.",
    plan: "Csomag",
    planStatus: {
      trial: "Próbaidőszak",
      active: "Aktív",
      suspended: "Felfüggesztve",
    },
    trialEnds: template<{ date: string }>("A próbaidőszak vége: {date}"),
    pricePerDay: "Napi díj",
    perDay: template<{ price: string }>("{price} / nap"),
    staffLimit: "Munkatársi helyek",
    dailyTicketLimit: "Új bejelentés naponta",
    unlimited: "Korlátlan",
    staffSeats: template<{ count: number }>("{count}, az Önét is beleértve"),
    addOns: "Elérhető kiegészítők",
    billingForAdmins: "Az árakat és az egyenleget a munkaterület tulajdonosai és adminisztrátorai látják.",
    balanceTitle: "Egyenleg",
    balance: "Aktuális egyenleg",
    trialCredit: "Próbaidős jóváírás",
    inboundTitle: "Fogadó cím",
    inboundExplain: "Továbbítsa ügyfélszolgálati leveleit erre a címre. Minden ide érkező levélből bejelentés lesz a listájában.",
  },
  notifyPrefs: {
    title: "Értesítések",
    explain: "Miről szóljon a csengő a konzolon, és miről küldjön Önnek e-mailt is a Frontline. A saját módosításairól sosem kap értesítést.",
    kind: "Értesítés, ha",
    channels: { bell: "Csengő", mail: "E-mail" },
    kinds: {
      assigned: { name: "Bejelentést rendelnek hozzám", hint: "Egy kolléga vagy egy eszkaláció." },
      queue: { name: "Bejelentés várakozik az osztályomon", hint: "Új vagy áthelyezett, felelős nélküli bejelentés az osztályom sorában." },
      reply: { name: "Ügyfél válaszol a bejelentésemre", hint: "Azokban a bejelentésekben, amelyeknek én vagyok a felelőse." },
      mention: { name: "Egy kolléga megemlít", hint: "@ jellel és a nevemmel egy belső megjegyzésben." },
      follow: { name: "Változik egy általam követett bejelentés", hint: "Válaszok, megjegyzések, állapot és felelős." },
      sla: { name: "SLA-figyelmeztetések és -túllépések", hint: "Azokban a bejelentésekben, amelyekről az SLA-szabály értesít." },
    },
    toggle: template<{ kind: string; channel: string }>("{kind}: {channel}"),
    saved: "Mentve.",
    failed: "Nem sikerült betölteni az értesítési beállításokat. Frissítse az oldalt az újrapróbálkozáshoz.",
  },
};

export default strings;
