import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/**
 * The strings of what every page of the console shows: its frame and navigation, roles, common words, the words of a
 * ticket's fields, notifications, shortcuts, errors, and the workspace's standing (the banner when its balance runs
 * low), in Hungarian.
 */
const strings: Strings = {
  app: {
    name: "Frontline",
    loading: "Betöltés…",
    skipToContent: "Ugrás a tartalomra",
  },
  locale: {
    label: "Nyelv",
    en: "English",
    ru: "Русский",
    uk: "Українська",
    kk: "Қазақша",
    hu: "Magyar",
  },
  nav: {
    label: "Főmenü",
    tickets: "Bejelentések",
    customers: "Ügyfelek",
    admin: "Adminisztráció",
    workspace: "Munkaterület",
    signedInAs: template<{ name: string; role: string }>("Bejelentkezve: {name} ({role})"),
    signOut: "Kijelentkezés",
    signingOut: "Kijelentkezés…",
    unassignedCount: template<{ count: number }>("{count} felelős nélkül"),
  },
  searchBox: {
    label: "Keresés a bejelentések között",
    placeholder: "Keresés…",
  },
  roles: {
    owner: "Tulajdonos",
    admin: "Adminisztrátor",
    supervisor: "Csoportvezető",
    dispatcher: "Diszpécser",
    agent: "Ügyintéző",
  },
  common: {
    cancel: "Mégse",
    save: "Mentés",
    saving: "Mentés…",
    close: "Bezárás",
    dismiss: "Elrejtés",
    loadMore: "Továbbiak",
    loadingMore: "Betöltés…",
    none: "—",
    you: "Ön",
    me: template<{ name: string }>("{name} (én)"),
    copy: "Másolás",
    copied: "Másolva",
    copyFailed: "A másolás nem sikerült; jelölje ki a címet, és másolja ki kézzel",
  },
  vocab: {
    status: {
      new: "Új",
      open: "Nyitott",
      pending: "Válaszra vár",
      on_hold: "Várakoztatva",
      solved: "Megoldva",
      closed: "Lezárva",
    },
    priority: {
      low: "Alacsony",
      normal: "Normál",
      high: "Magas",
      urgent: "Sürgős",
    },
    level: {
      low: "Alacsony",
      medium: "Közepes",
      high: "Magas",
    },
    type: {
      incident: "Hiba",
      service_request: "Szolgáltatáskérés",
      information_request: "Kérdés",
      documentation_request: "Dokumentumkérés",
      change_request: "Módosítási kérés",
    },
    origin: {
      phone: "Telefon",
      in_person: "Személyesen",
      chat: "Chat",
      other: "Egyéb",
    },
    received: {
      phone: "Telefonon",
      in_person: "Személyesen",
      chat: "Chaten",
      other: "Munkatárs rögzítette",
    },
    channel: {
      agent: "Munkatárs rögzítette",
      email: "E-mailben érkezett",
      portal: "Az ügyfélportálról",
      api: "API-n keresztül",
    },
  },
  notifications: {
    button: "Értesítések",
    buttonUnread: template<{ count: number }>("Értesítések, {count} olvasatlan"),
    title: "Értesítések",
    markAllRead: "Mind olvasott",
    markRead: "Megjelölés olvasottként",
    empty: "Még nincs értesítés.",
    failed: "Az értesítéseket nem sikerült betölteni.",
  },
  shortcuts: {
    title: "Billentyűparancsok",
    button: "Billentyűparancsok",
    then: "majd",
    groups: {
      anywhere: "Bárhol",
      queue: "Bejelentéslista",
      ticket: "Bejelentés",
    },
    help: "A súgó megjelenítése",
    goQueue: "Ugrás a bejelentéslistára",
    search: "Ugrás a keresőmezőre",
    next: "Következő bejelentés",
    previous: "Előző bejelentés",
    open: "A kijelölt bejelentés megnyitása",
    toggleSelect: "A bejelentés bejelölése csoportos művelethez, vagy a jelölés törlése",
    reply: "Válasz írása",
    note: "Belső megjegyzés írása",
    send: "Az üzenet elküldése",
    take: "A bejelentés átvétele",
    status: "Állapot módosítása",
    back: "Vissza a listához (vagy kilépés a mezőből)",
  },
  adminsOnly: {
    title: "Csak adminisztrátoroknak",
    text: "Az adminisztrációnak ez a része a munkaterület tulajdonosainak és adminisztrátorainak szól. Ha itt valamit módosítani kell, forduljon valamelyikükhöz.",
    back: "Vissza a bejelentésekhez",
  },
  notFound: {
    title: "Az oldal nem található",
    text: "Ezen a címen nincs semmi.",
    back: "Ugrás a munkaterületre",
  },
  errors: {
    title: "Hiba történt",
    network: "A Frontline nem érhető el. Ellenőrizze az internetkapcsolatot, és próbálja újra.",
    internal: template<{ requestId: string }>("Hiba történt a mi oldalunkon. Hivatkozási szám: {requestId}"),
    retry: "Újrapróbálás",
  },
  issues: {
    signup: {
      workspaceName: {
        too_small: "Legalább 2 karakter legyen",
        too_big: "Legfeljebb 80 karakter lehet",
      },
      slug: {
        taken: "Ez a cím már foglalt; válasszon másikat",
        too_small: "Legalább 3 karakter legyen",
        too_big: "Legfeljebb 40 karakter lehet",
        invalid_format: "Csak ékezet nélküli latin betűk (a–z), számjegyek és kötőjelek használhatók; kötőjel nem állhat az elején, a végén, és kettő nem lehet egymás után",
        custom: "Ez a cím fenntartott; válasszon másikat",
      },
      ownerName: {
        too_small: "Adja meg a nevét",
        too_big: "A név legfeljebb 100 karakter lehet",
      },
      email: {
        invalid_format: "Adjon meg egy érvényes e-mail-címet",
        too_big: "Az e-mail-cím legfeljebb 254 karakter lehet",
      },
      password: {
        too_small: "Legalább 10 karakter legyen",
        too_big: "Legfeljebb 256 karakter lehet",
      },
    },
    newTicket: {
      subject: {
        too_small: "Adja meg a tárgyat",
        too_big: "A tárgy legfeljebb 200 karakter lehet",
      },
      body: {
        too_small: "Írja le a bejelentést",
      },
      requester: {
        invalid_union: "Válasszon ügyfelet, vagy vegyen fel újat e-mail-címmel, illetve névvel és telefonszámmal",
        email: {
          invalid_format: "Adjon meg egy érvényes e-mail-címet",
        },
        name: {
          too_small: "Adja meg az ügyfél nevét",
        },
        phone: {
          invalid_format: "Adjon meg egy telefonszámot: számjegyek, szóközök, zárójelek, kötőjelek, az elején esetleg +",
        },
      },
    },
    department: {
      name: {
        too_small: "Adja meg az osztály nevét",
        too_big: "Legfeljebb 60 karakter lehet",
      },
    },
    stopList: {
      value: {
        taken: "Már szerepel a tiltólistán",
        invalid_format: "Adjon meg egy címet (nev@example.com) vagy egy domaint (example.com)",
      },
      note: {
        too_big: "Legfeljebb 200 karakter lehet",
      },
    },
    letter: {
      subject: {
        too_small: "Adja meg a tárgyat",
        too_big: "Legfeljebb 300 karakter lehet",
      },
      body: {
        too_small: "Írja meg a levelet",
        too_big: "Legfeljebb 20 000 karakter lehet",
      },
    },
    calendar: {
      name: {
        too_small: "Adja meg a nevet",
        too_big: "Legfeljebb 80 karakter lehet",
      },
    },
    policy: {
      name: {
        too_small: "Adja meg a nevet",
        too_big: "Legfeljebb 80 karakter lehet",
      },
    },
    settings: {
      name: {
        too_small: "Legalább 2 karakter legyen",
        too_big: "Legfeljebb 80 karakter lehet",
      },
    },
    invite: {
      email: {
        taken: "Már tagja a csapatnak",
        pending: "Már meghívták; új meghívó küldéséhez vonja vissza az előzőt",
        invalid_format: "Adjon meg egy érvényes e-mail-címet",
      },
    },
    acceptInvitation: {
      name: {
        too_small: "Adja meg a nevét",
        too_big: "A név legfeljebb 100 karakter lehet",
      },
      password: {
        too_small: "Legalább 10 karakter legyen",
        too_big: "Legfeljebb 256 karakter lehet",
      },
    },
    replyTemplate: {
      name: {
        too_small: "Adjon nevet a sablonnak",
        too_big: "Legfeljebb 80 karakter lehet",
      },
      body: {
        too_small: "Írja meg a választ",
        too_big: "Legfeljebb 20 000 karakter lehet",
      },
    },
    topUp: {
      amountMinor: {
        too_small: "Nullánál nagyobb összeget adjon meg",
        too_big: "Ez az összeg túl nagy",
      },
      note: {
        too_big: "Legfeljebb 500 karakter lehet",
      },
    },
    login: {
      slug: {
        too_small: "Adja meg a munkaterület címét",
      },
      email: {
        invalid_format: "Adjon meg egy érvényes e-mail-címet",
      },
      password: {
        too_small: "Adja meg a jelszavát",
      },
    },
  },
  standing: {
    suspendedTitle: "Ez a munkaterület fel van függesztve",
    suspended:
      "Elfogyott az egyenleg: továbbra is mindenki olvashat, de semmit sem lehet módosítani, amíg fel nem töltik az egyenleget. A leveleket továbbra is fogadjuk és megőrizzük.",
    graceTitle: "Az egyenleg nulla alatt van",
    grace: template<{ date: string }>("Ha addig nem töltik fel az egyenleget, a munkaterületet felfüggesztjük. A felfüggesztés időpontja: {date}."),
    lowTitle: "Fogy az egyenleg",
    topUp: "Feltöltés",
    askAdmin: "Kérje meg egy adminisztrátort, hogy töltse fel az egyenleget.",
    coversDays: template<{ days: number }>(
      "{days, plural, one {A jelenlegi díjjal nagyjából # napra elég} other {A jelenlegi díjjal nagyjából # napra elég}}",
    ),
  },
};

export default strings;
