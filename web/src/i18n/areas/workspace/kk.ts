import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of the workspace page: the workspace and the reader's own profile, in Kazakh. */
const strings: Strings = {
  profile: {
    title: "Сіздің профиліңіз",
    explain: "Консоль мен Frontline сізге жіберетін хаттар (SLA хабарламалары) сіздің тіліңізде, ал олардағы уақыт сіздің уақыт белдеуіңіз бойынша көрсетіледі.",
    language: "Сіздің тіліңіз",
    timeZone: "Сіздің уақыт белдеуіңіз",
    workspaceZone: template<{ zone: string }>("Жұмыс кеңістігінікі ({zone})"),
    saved: "Сақталды.",
  },
  workspace: {
    title: "Жұмыс кеңістігі",
    subtitle: "Тарифіңіз, балансыңыз және клиенттеріңіздің хаттары келетін мекенжай.",
    subtitleWithoutBilling: "Тарифіңіз және клиенттеріңіздің хаттары келетін мекенжай.",
    plan: "Тариф",
    planStatus: {
      trial: "Сынақ кезеңі",
      active: "Белсенді",
      suspended: "Тоқтатылған",
    },
    trialEnds: template<{ date: string }>("Сынақ кезеңінің соңы: {date}"),
    pricePerDay: "Күндік баға",
    perDay: template<{ price: string }>("күніне {price}"),
    staffLimit: "Қызметкер орындары",
    dailyTicketLimit: "Күніне жаңа өтініштер",
    unlimited: "Шектеусіз",
    staffSeats: template<{ count: number }>("{count}, өзіңізді қоса алғанда"),
    addOns: "Қолжетімді қосымшалар",
    billingForAdmins: "Бағалар мен балансты жұмыс кеңістігінің иелері мен әкімшілері көреді.",
    balanceTitle: "Баланс",
    balance: "Ағымдағы баланс",
    trialCredit: "Сынақ кредиті",
    inboundTitle: "Кіріс пошта мекенжайы",
    inboundExplain:
      "Қолдау қызметінің поштасын осы мекенжайға бағыттаңыз. Оған келген әрбір хат кезегіңізде өтінішке айналады.",
  },
  notifyPrefs: {
    title: "Хабарламалар",
    explain: "Консольдегі қоңырауша нені хабарлайды, ал Frontline сізге поштамен тағы не жібереді. Өз өзгерістеріңіз туралы хабарлама келмейді.",
    kind: "Қашан хабарлау",
    channels: { bell: "Қоңырауша", mail: "Пошта" },
    kinds: {
      assigned: { name: "Маған өтініш тағайындалғанда", hint: "Әріптес немесе эскалация арқылы." },
      queue: { name: "Бөлімімде өтініш күтіп тұрғанда", hint: "Бөлімім кезегіне жаңадан түскен не ауыстырылған, орындаушысы жоқ өтініш." },
      reply: { name: "Клиент менің өтінішіме жауап бергенде", hint: "Мен орындаушы болған өтініштер бойынша." },
      mention: { name: "Әріптесім мені атап өткенде", hint: "Ішкі жазбада @ белгісі мен менің атым арқылы." },
      follow: { name: "Мен бақылайтын өтініш өзгергенде", hint: "Жауаптар, жазбалар, күйі және орындаушысы." },
      sla: { name: "SLA ескертулері мен бұзушылықтары", hint: "SLA саясаты мені хабардар ететін өтініштер бойынша." },
    },
    toggle: template<{ kind: string; channel: string }>("{kind}: {channel}"),
    saved: "Сақталды.",
    failed: "Хабарлама баптауларын жүктеу мүмкін болмады. Қайталап көру үшін бетті жаңартыңыз.",
  },
};

export default strings;
