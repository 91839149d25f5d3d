import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of the workspace page: the workspace and the reader's own profile, in Russian. */
const strings: Strings = {
  profile: {
    title: "Ваш профиль",
    explain: "Консоль и письма, которые Frontline присылает вам (оповещения SLA), — на вашем языке, и время в них указано в вашем часовом поясе.",
    language: "Ваш язык",
    timeZone: "Ваш часовой пояс",
    workspaceZone: template<{ zone: string }>("Как у рабочего пространства ({zone})"),
    saved: "Сохранено.",
  },
  workspace: {
    title: "Рабочее пространство",
    subtitle: "Ваш тариф, баланс и адрес, на который приходит почта ваших клиентов.",
    subtitleWithoutBilling: "Ваш тариф и адрес, на который приходит почта ваших клиентов.",
    plan: "Тариф",
    planStatus: {
      trial: "Пробный период",
      active: "Активен",
      suspended: "Приостановлен",
    },
    trialEnds: template<{ date: string }>("Пробный период до {date}"),
    pricePerDay: "Стоимость в день",
    perDay: template<{ price: string }>("{price} в день"),
    staffLimit: "Мест для сотрудников",
    dailyTicketLimit: "Новых обращений в день",
    unlimited: "Без ограничений",
    staffSeats: template<{ count: number }>("{count}, включая ваше"),
    addOns: "Доступные дополнения",
    billingForAdmins: "Цены и баланс видят владельцы и администраторы рабочего пространства.",
    balanceTitle: "Баланс",
    balance: "Текущий баланс",
    trialCredit: "Пробный кредит",
    inboundTitle: "Адрес для входящей почты",
    inboundExplain:
      "Перенаправляйте почту службы поддержки на этот адрес. Каждое письмо, пришедшее на него, становится обращением в вашей очереди.",
  },
  notifyPrefs: {
    title: "Уведомления",
    explain: "О чём сообщать колокольчиком в консоли, а о чём ещё и писать вам на почту. О собственных изменениях уведомлений не бывает.",
    kind: "Сообщать, когда",
    channels: { bell: "Колокольчик", mail: "Почта" },
    kinds: {
      assigned: { name: "Мне назначено обращение", hint: "Коллегой или по эскалации." },
      queue: { name: "Обращение ждёт в моём отделе", hint: "Новое или переданное в очередь моего отдела, без исполнителя." },
      reply: { name: "Клиент ответил по моему обращению", hint: "По обращениям, где я исполнитель." },
      mention: { name: "Меня упомянул коллега", hint: "Через @ и моё имя во внутренней заметке." },
      follow: { name: "Изменилось отслеживаемое обращение", hint: "Ответы, заметки, статус и исполнитель." },
      sla: { name: "Предупреждения и нарушения SLA", hint: "По обращениям, о которых меня оповещает политика SLA." },
    },
    toggle: template<{ kind: string; channel: string }>("{kind}: {channel}"),
    saved: "Сохранено.",
    failed: "Не удалось загрузить настройки уведомлений. Обновите страницу, чтобы попробовать ещё раз.",
  },
};

export default strings;
