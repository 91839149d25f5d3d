import type { Wording } from "./en";

/**
 * What the server writes in Hungarian. Customers and staff are addressed formally (magázás). A value never takes a case
 * ending or an article here (both depend on how it sounds): it follows a colon or stands in brackets.
 */
export const hu: Wording = {
  replyMarker: "##- Kérjük, e sor fölé írja a válaszát -##",
  via: "{agent} ({workspace})",
  defaultDepartment: "Ügyfélszolgálat",
  roles: { owner: "tulajdonos", admin: "adminisztrátor", supervisor: "csoportvezető", dispatcher: "diszpécser", agent: "ügyintéző" },
  letters: {
    ticket_received: {
      subject: "[#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

Kedves {{ customer.name }}!

Bejelentését megkaptuk, és #{{ ticket.number }} számon rögzítettük. A lehető leghamarabb válaszolunk.

Ha bármit hozzátenne, egyszerűen válaszoljon erre az e-mailre.

Üdvözlettel:
{{ workspace.name }}`,
    },
    agent_reply: {
      subject: "Re: [#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

{{ message }}

{{ agent.name }}
{{ workspace.name }}
{% if solved %}
Bejelentését megoldottnak tekintjük. Ha mégis maradt megoldatlan kérdés, egyszerűen válaszoljon erre az e-mailre, és folytatjuk az ügyintézést.
{% endif %}`,
    },
    ticket_solved: {
      subject: "[#{{ ticket.number }}] Megoldva: {{ ticket.subject }}",
      body: `{{ reply_marker }}

Kedves {{ customer.name }}!

Megoldottként jelöltük meg „{{ ticket.subject }}” tárgyú, #{{ ticket.number }} számú bejelentését.

Ha a probléma megoldódott, nincs további teendője. Ha nem, egyszerűen válaszoljon erre az e-mailre, és a bejelentést újra megnyitjuk.

Üdvözlettel:
{{ workspace.name }}`,
    },
  },
  sample: { customer: "Kovács Anna", subject: "Nem érkezett meg a számla", message: "Jó napot kívánok! A számlát újra elküldtük.", workspace: "Az Ön munkaterülete" },
  alert: {
    warning: "SLA-figyelmeztetés: hamarosan lejár a határidő ({target})",
    breach: "SLA-túllépés: lejárt a határidő ({target})",
    targets: { first_response: "első válasz", next_response: "következő válasz", resolution: "megoldás" },
    due: "Határidő: {at}",
    wasDue: "Lejárt határidő: {at}",
    open: "A bejelentés megnyitása",
    noReply: "Ez egy automatikus értesítés, kérjük, ne válaszoljon rá.",
  },
  notice: {
    assigned: "{actor} Önhöz rendelt egy bejelentést",
    queueNew: "Új bejelentés érkezett: {department}",
    queueMoved: "Egy bejelentés várakozik: {department}",
    reply: "{customer} válaszolt az Ön bejelentésére",
    mention: "{actor} megemlítette Önt egy megjegyzésben",
    follow: {
      customer: "{actor} írt egy Ön által követett bejelentésbe",
      reply: "{actor} válaszolt egy Ön által követett bejelentésre",
      note: "{actor} megjegyzést fűzött egy Ön által követett bejelentéshez",
      status: "{actor} módosította egy Ön által követett bejelentés állapotát: „{status}”",
      assign: "Egy Ön által követett bejelentés új felelőse: {assignee} ({actor})",
      unassign: "Egy Ön által követett bejelentésnek már nincs felelőse ({actor})",
      redirect: "{actor} áthelyezett egy Ön által követett bejelentést ide: {department}",
    },
    statuses: { new: "Új", open: "Nyitott", pending: "Válaszra vár", on_hold: "Várakoztatva", solved: "Megoldva", closed: "Lezárva" },
    at: "Időpont: {at}",
    open: "A bejelentés megnyitása",
    settings: "Értesítési beállítások: {link}",
    noReply: "Ez egy automatikus értesítés, kérjük, ne válaszoljon rá.",
  },
  workspace: {
    invitation: {
      subject: "{inviter} meghívta Önt a Frontline-ra: {workspace}",
      body: "{inviter} meghívta Önt, hogy {role} szerepkörben csatlakozzon ehhez a munkaterülethez: {workspace}.\n\nA meghívót itt fogadhatja el (a link eddig érvényes: {expires}):\n{link}",
    },
    password_reset: {
      subject: "Új jelszó: {workspace}",
      body: "{sent, select, admin {{sender} linket küldött Önnek, amellyel új jelszót állíthat be a(z) {email} fiókhoz ebben a munkaterületben: {workspace}.} other {Valaki – valószínűleg Ön – új jelszót kért a(z) {email} fiókhoz ebben a munkaterületben: {workspace}.}}\n\nÁllítson be új jelszót (a link egyszer használható, eddig érvényes: {expires}):\n{link}\n\nBelépéskor ezt a munkaterület-címet használja: {slug}. Ha nem számított erre a levélre, hagyja figyelmen kívül: a jelszava nem változik.",
    },
    low_balance: {
      subject: "{workspace}: az egyenleg {days, plural, one {# nap} other {# nap}} múlva elfogy",
      body: "A munkaterület ({workspace}) egyenlege {balance}, ami a jelenlegi csomag díjával még nagyjából {days, plural, one {# napra} other {# napra}} elég.\n\nTöltse fel az egyenleget, hogy az ügyfélszolgálat zavartalanul működhessen: {link}",
    },
    suspended: {
      subject: "{workspace}: felfüggesztve, töltse fel az egyenleget",
      body: "A munkaterületet ({workspace}) felfüggesztettük: egyenlege {balance}, és a türelmi idő lejárt. Csapata olvashatja a bejelentéseket, de nem módosíthatja őket; az ügyfelek leveleit továbbra is fogadjuk és megőrizzük.\n\nFeltöltés után azonnal folytathatja a munkát: {link}",
    },
    restored: {
      subject: "{workspace}: újra működik",
      body: "Köszönjük! A munkaterület ({workspace}) egyenlege {balance}, így újra működik. Az időközben érkezett leveleket feldolgoztuk.\n\n{link}",
    },
  },
};
