import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of signing up, signing in and accepting an invitation, in Kazakh. */
const strings: Strings = {
  signup: {
    title: "Жұмыс кеңістігін құрыңыз",
    subtitle: "Шотқа кредит салынған тегін сынақ кезеңін бастаңыз. Карта қажет емес.",
    workspaceName: "Жұмыс кеңістігінің атауы",
    workspaceNamePlaceholder: "Acme қолдау қызметі",
    slug: "Жұмыс кеңістігінің мекенжайы",
    slugHint: "Латын әріптері (a–z), цифрлар және дефис. Жүйеге осы мекенжаймен кіресіз, кейін оны өзгерту мүмкін емес.",
    inboundPreview: "Кіріс пошта мекенжайыңыз",
    ownerName: "Атыңыз",
    email: "Жұмыс поштасы",
    password: "Құпиясөз",
    passwordHint: "Кемінде 10 таңба. Сөз тіркесін қолданған ыңғайлы.",
    submit: "Жұмыс кеңістігін құру",
    submitting: "Жұмыс кеңістігі құрылуда…",
    haveWorkspace: "Жұмыс кеңістігіңіз бар ма?",
    signIn: "Кіру",
    throttled: template<{ hours: number }>("Бүгін осы мекенжайдан жұмыс кеңістігі тым көп ашылды. {hours} сағаттан кейін қайталап көріңіз."),
  },
  login: {
    title: "Frontline жүйесіне кіру",
    subtitle: "Қайта қош келдіңіз. Жұмыс кеңістігінің мекенжайын және есептік жазбаңызды енгізіңіз.",
    slug: "Жұмыс кеңістігінің мекенжайы",
    slugPlaceholder: "acme",
    email: "Эл. пошта",
    password: "Құпиясөз",
    submit: "Кіру",
    submitting: "Кіруде…",
    wrongCredentials: "Жұмыс кеңістігі, эл. пошта немесе құпиясөз қате",
    throttled: template<{ minutes: number }>("Кіру әрекеттері тым көп рет сәтсіз болды. {minutes} минуттан кейін қайталап көріңіз."),
    noWorkspace: "Frontline жүйесінде алғаш рет пе?",
    createWorkspace: "Жұмыс кеңістігін құру",
  },
  invite: {
    loadingTitle: "Шақыруыңыз",
    loadingSubtitle: "Шақыру сілтемесі тексерілуде…",
    title: template<{ workspace: string }>("Frontline жүйесіндегі {workspace} кеңістігіне қосылыңыз"),
    subtitle: template<{ role: string }>("Сіз командаға «{role}» рөліне шақырылдыңыз. Атыңызды енгізіп, құпиясөз ойлап табыңыз."),
    email: "Кіретін мекенжайыңыз",
    name: "Атыңыз",
    password: "Құпиясөз",
    expires: template<{ when: string }>("Шақырудың жарамдылық мерзімі: {when}."),
    submit: "Жұмыс кеңістігіне қосылу",
    submitting: "Қосылуда…",
    notFoundTitle: "Бұл шақыру сілтемесі жұмыс істемейді",
    notFound: "Сілтеме толық емес немесе белгісіз. Сізді шақырған әкімшіден оны қайта жіберуді сұраңыз.",
    closedTitle: "Бұл шақыру жабық",
    closed: {
      accepted: "Ол қабылданып қойған: есептік жазбаңызбен кіріңіз.",
      revoked: "Ол қайтарып алынды. Сізді шақырған әкімшіден жаңасын сұраңыз.",
      expired: "Оның мерзімі өтіп кетті. Сізді шақырған әкімшіден жаңасын сұраңыз.",
    },
    haveAccount: "Командада бұрыннан барсыз ба?",
    signIn: "Кіру",
  },
};

export default strings;
