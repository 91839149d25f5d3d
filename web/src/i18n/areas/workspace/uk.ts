import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of the workspace page: the workspace and the reader's own profile, in Ukrainian. */
const strings: Strings = {
  profile: {
    title: "Ваш профіль",
    explain: "Консоль і листи, які Frontline надсилає вам (сповіщення SLA), — вашою мовою, і час у них указано у вашому часовому поясі.",
    language: "Ваша мова",
    timeZone: "Ваш часовий пояс",
    workspaceZone: template<{ zone: string }>("Як у робочого простору ({zone})"),
    saved: "Збережено.",
  },
  workspace: {
    title: "Робочий простір",
    subtitle: "Ваш тариф, баланс і адреса, на яку надходить пошта ваших клієнтів.",
    subtitleWithoutBilling: "Ваш тариф і адреса, на яку надходить пошта ваших клієнтів.",
    plan: "Тариф",
    planStatus: {
      trial: "Пробний період",
      active: "Активний",
      suspended: "Призупинений",
    },
    trialEnds: template<{ date: string }>("Пробний період до {date}"),
    pricePerDay: "Ціна за день",
    perDay: template<{ price: string }>("{price} на день"),
    staffLimit: "Місця для працівників",
    dailyTicketLimit: "Нових звернень на день",
    unlimited: "Без обмежень",
    staffSeats: template<{ count: number }>("{count}, разом із вашим"),
    addOns: "Доступні додаткові послуги",
    billingForAdmins: "Ціни й баланс бачать власники та адміністратори робочого простору.",
    balanceTitle: "Баланс",
    balance: "Поточний баланс",
    trialCredit: "Пробний бонус",
    inboundTitle: "Адреса для вхідної пошти",
    inboundExplain:
      "Переспрямовуйте пошту служби підтримки на цю адресу. Кожен лист, що надходить на неї, стає зверненням у вашій черзі.",
  },
  notifyPrefs: {
    title: "Сповіщення",
    explain: "Про що повідомляти дзвіночком у консолі, а про що ще й писати вам на пошту. Про власні зміни сповіщень не буває.",
    kind: "Повідомляти, коли",
    channels: { bell: "Дзвіночок", mail: "Пошта" },
    kinds: {
      assigned: { name: "Мені призначено звернення", hint: "Колегою або через ескалацію." },
      queue: { name: "Звернення чекає в моєму відділі", hint: "Нове або передане до черги мого відділу, без виконавця." },
      reply: { name: "Клієнт відповів у моєму зверненні", hint: "У зверненнях, де я виконавець." },
      mention: { name: "Мене згадав колега", hint: "Через @ і моє ім’я у внутрішній нотатці." },
      follow: { name: "Змінилося звернення, яке я відстежую", hint: "Відповіді, нотатки, статус і виконавець." },
      sla: { name: "Попередження та порушення SLA", hint: "У зверненнях, про які мене сповіщає політика SLA." },
    },
    toggle: template<{ kind: string; channel: string }>("{kind}: {channel}"),
    saved: "Збережено.",
    failed: "Не вдалося завантажити налаштування сповіщень. Оновіть сторінку, щоб спробувати ще раз.",
  },
};

export default strings;
