import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of signing up, signing in and accepting an invitation, in Hungarian. */
const strings: Strings = {
  signup: {
    title: "Hozza létre munkaterületét",
    subtitle: "Ingyenes próbaidőszak, kezdő egyenleggel. Bankkártya nem szükséges.",
    workspaceName: "A munkaterület neve",
    workspaceNamePlaceholder: "Acme Ügyfélszolgálat",
    slug: "A munkaterület címe",
    slugHint: "Ékezet nélküli latin betűk (a–z), számjegyek és kötőjelek. Ezzel jelentkezik be, és később nem módosítható.",
    inboundPreview: "Az Ön fogadó címe",
    ownerName: "Az Ön neve",
    email: "Munkahelyi e-mail-cím",
    password: "Jelszó",
    passwordHint: "Legalább 10 karakter. Egy jelmondat is jó választás.",
    submit: "Munkaterület létrehozása",
    submitting: "Létrehozás…",
    haveWorkspace: "Már van munkaterülete?",
    signIn: "Bejelentkezés",
    throttled: template<{ hours: number }>("Erről a címről ma már túl sok munkaterületet nyitottak. Próbálja újra {hours} óra múlva."),
  },
  login: {
    title: "Bejelentkezés a Frontline-ba",
    subtitle: "Üdvözöljük újra! Adja meg a munkaterület címét és a fiókja adatait.",
    slug: "A munkaterület címe",
    slugPlaceholder: "acme",
    email: "E-mail-cím",
    password: "Jelszó",
    submit: "Bejelentkezés",
    submitting: "Bejelentkezés…",
    wrongCredentials: "Hibás munkaterület, e-mail-cím vagy jelszó",
    throttled: template<{ minutes: number }>("Túl sok sikertelen bejelentkezés. Próbálja újra {minutes} perc múlva."),
    noWorkspace: "Még nem használja a Frontline-t?",
    createWorkspace: "Munkaterület létrehozása",
  },
  invite: {
    loadingTitle: "Az Ön meghívója",
    loadingSubtitle: "A meghívó linkjének ellenőrzése…",
    title: template<{ workspace: string }>("Csatlakozás a Frontline-on: {workspace}"),
    subtitle: template<{ role: string }>("Meghívást kapott a csapatba, szerepkör: {role}. Adja meg a nevét, és válasszon jelszót."),
    email: "Bejelentkezési e-mail-cím",
    name: "Az Ön neve",
    password: "Jelszó",
    expires: template<{ when: string }>("A meghívó érvényes eddig: {when}."),
    submit: "Csatlakozás",
    submitting: "Csatlakozás…",
    notFoundTitle: "Ez a meghívó link nem működik",
    notFound: "A link hiányos vagy ismeretlen. Kérje meg az Önt meghívó adminisztrátort, hogy küldje el újra.",
    closedTitle: "Ez a meghívó már nem érvényes",
    closed: {
      accepted: "Már elfogadták: jelentkezzen be a fiókjával.",
      revoked: "Visszavonták. Kérjen újat az Önt meghívó adminisztrátortól.",
      expired: "Lejárt. Kérjen újat az Önt meghívó adminisztrátortól.",
    },
    haveAccount: "Már tagja a csapatnak?",
    signIn: "Bejelentkezés",
  },
};

export default strings;
