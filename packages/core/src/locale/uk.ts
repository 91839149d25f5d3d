import type { Wording } from "./en";

/** What the server writes in Ukrainian. Letters address the customer with the polite, capitalised «Ви». */
export const uk: Wording = {
  replyMarker: "##- Пишіть відповідь над цим рядком -##",
  via: "{agent} ({workspace})",
  defaultDepartment: "Підтримка",
  roles: { owner: "власник", admin: "адміністратор", supervisor: "керівник", dispatcher: "диспетчер", agent: "фахівець" },
  letters: {
    ticket_received: {
      subject: "[#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

Добрий день, {{ customer.name }}!

Ми отримали Ваше звернення та зареєстрували його за номером {{ ticket.number }}. Ми відповімо Вам якнайшвидше.

Щоб щось додати, просто дайте відповідь на цей лист.

{{ workspace.name }}`,
    },
    agent_reply: {
      subject: "Re: [#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

{{ message }}

{{ agent.name }}
{{ workspace.name }}
{% if solved %}
Ми вважаємо Ваше питання вирішеним. Якщо щось усе ще не так, просто дайте відповідь на цей лист, і ми продовжимо роботу над ним.
{% endif %}`,
    },
    ticket_solved: {
      subject: "[#{{ ticket.number }}] Вирішено: {{ ticket.subject }}",
      body: `{{ reply_marker }}

Добрий день, {{ customer.name }}!

Ми позначили Ваше звернення №{{ ticket.number }} «{{ ticket.subject }}» як вирішене.

Якщо питання справді вирішено, більше нічого робити не потрібно. Якщо ні, просто дайте відповідь на цей лист, і звернення буде відкрито знову.

{{ workspace.name }}`,
    },
  },
  sample: { customer: "Оксана Коваленко", subject: "Не надійшов рахунок", message: "Добрий день! Ми надіслали рахунок ще раз.", workspace: "Ваш робочий простір" },
  alert: {
    warning: "SLA: незабаром спливає термін «{target}»",
    breach: "SLA: порушено термін «{target}»",
    targets: { first_response: "перша відповідь", next_response: "наступна відповідь", resolution: "вирішення" },
    due: "Термін: {at}",
    wasDue: "Термін був: {at}",
    open: "Відкрити звернення",
    noReply: "Це автоматичне сповіщення; не відповідайте на нього.",
  },
  notice: {
    assigned: "Вам призначено звернення ({actor})",
    queueNew: "Нове звернення у відділі «{department}»",
    queueMoved: "Звернення чекає у відділі «{department}»",
    reply: "Відповідь клієнта у вашому зверненні ({customer})",
    mention: "Вас згадали в нотатці ({actor})",
    follow: {
      customer: "Нове повідомлення клієнта у зверненні, яке ви відстежуєте ({actor})",
      reply: "Відповідь у зверненні, яке ви відстежуєте ({actor})",
      note: "Нотатка у зверненні, яке ви відстежуєте ({actor})",
      status: "Статус звернення, яке ви відстежуєте: «{status}» ({actor})",
      assign: "Звернення, яке ви відстежуєте, призначено: {assignee} ({actor})",
      unassign: "Зі звернення, яке ви відстежуєте, знято виконавця ({actor})",
      redirect: "Звернення, яке ви відстежуєте, передано до відділу «{department}» ({actor})",
    },
    statuses: { new: "Нове", open: "Відкрито", pending: "Очікує відповіді", on_hold: "Відкладено", solved: "Вирішено", closed: "Закрито" },
    at: "Коли: {at}",
    open: "Відкрити звернення",
    settings: "Налаштувати сповіщення: {link}",
    noReply: "Це автоматичне сповіщення; не відповідайте на нього.",
  },
  workspace: {
    invitation: {
      subject: "{inviter} запрошує вас до {workspace} у Frontline",
      body: "{inviter} запрошує вас приєднатися до {workspace}, ваша роль — {role}.\n\nПрийняти запрошення (посилання дійсне до {expires}):\n{link}",
    },
    password_reset: {
      subject: "Новий пароль для {workspace}",
      body: "{sent, select, admin {{sender} надсилає вам посилання, щоб задати новий пароль для {email} у {workspace}.} other {Хтось — найімовірніше, ви — попросив скинути пароль для {email} у {workspace}.}}\n\nЗадайте новий пароль (посилання одноразове й дійсне до {expires}):\n{link}\n\nДля входу використовуйте адресу робочого простору {slug}. Якщо ви не чекали цього листа, просто не зважайте на нього: пароль залишиться тим самим.",
    },
    low_balance: {
      subject: "{workspace}: балансу вистачить на {days, plural, one {# день} few {# дні} many {# днів} other {# дня}}",
      body: "Баланс {workspace}: {balance}, цього вистачить приблизно на {days, plural, one {# день} few {# дні} many {# днів} other {# дня}} за вашим тарифом.\n\nПоповніть баланс, щоб служба підтримки працювала й далі: {link}",
    },
    suspended: {
      subject: "{workspace} призупинено: поповніть баланс",
      body: "Роботу {workspace} призупинено: баланс становить {balance}, пільговий період закінчився. Працівники можуть переглядати звернення, але не змінювати їх; листи клієнтів, як і раніше, надходять і зберігаються.\n\nПоповніть баланс, щоб одразу відновити роботу: {link}",
    },
    restored: {
      subject: "{workspace} знову працює",
      body: "Дякуємо: баланс {workspace} становить {balance}, роботу відновлено. Листи, отримані за цей час, оброблено.\n\n{link}",
    },
  },
};
