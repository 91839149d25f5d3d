import type { Wording } from "./en";

/** What the server writes in Russian. */
export const ru: Wording = {
  replyMarker: "##- Пишите ответ выше этой строки -##",
  via: "{agent} ({workspace})",
  defaultDepartment: "Поддержка",
  roles: { owner: "владелец", admin: "администратор", supervisor: "руководитель", dispatcher: "диспетчер", agent: "агент" },
  letters: {
    ticket_received: {
      subject: "[#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

Здравствуйте, {{ customer.name }}!

Мы получили ваше обращение и зарегистрировали его под номером #{{ ticket.number }}. Мы ответим вам как можно скорее.

Чтобы что-то добавить, просто ответьте на это письмо.

{{ workspace.name }}`,
    },
    agent_reply: {
      subject: "Re: [#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

{{ message }}

{{ agent.name }}
{{ workspace.name }}
{% if solved %}
Мы считаем ваш вопрос решённым. Если что-то всё ещё не так, просто ответьте на это письмо, и мы продолжим.
{% endif %}`,
    },
    ticket_solved: {
      subject: "[#{{ ticket.number }}] Решено: {{ ticket.subject }}",
      body: `{{ reply_marker }}

Здравствуйте, {{ customer.name }}!

Мы отметили ваше обращение #{{ ticket.number }} «{{ ticket.subject }}» как решённое.

Если вопрос решён, больше ничего делать не нужно. Если нет, просто ответьте на это письмо, и обращение откроется снова.

{{ workspace.name }}`,
    },
  },
  sample: { customer: "Анна Петрова", subject: "Не приходит счёт", message: "Здравствуйте! Мы отправили счёт ещё раз.", workspace: "Ваше рабочее пространство" },
  alert: {
    warning: "SLA: скоро срок ({target})",
    breach: "SLA нарушен: просрочен {target}",
    targets: { first_response: "первый ответ", next_response: "следующий ответ", resolution: "решение" },
    due: "Срок: {at}",
    wasDue: "Срок был: {at}",
    open: "Открыть обращение",
    noReply: "Это автоматическое уведомление; не отвечайте на него.",
  },
  notice: {
    assigned: "Вам назначено обращение ({actor})",
    queueNew: "Новое обращение в отделе «{department}»",
    queueMoved: "Обращение ждёт в отделе «{department}»",
    reply: "Ответ клиента по вашему обращению ({customer})",
    mention: "Вас упомянули в заметке ({actor})",
    follow: {
      customer: "Новое сообщение клиента в отслеживаемом обращении ({actor})",
      reply: "Ответ в отслеживаемом обращении ({actor})",
      note: "Заметка в отслеживаемом обращении ({actor})",
      status: "Статус отслеживаемого обращения: «{status}» ({actor})",
      assign: "Отслеживаемое обращение назначено: {assignee} ({actor})",
      unassign: "С отслеживаемого обращения снят исполнитель ({actor})",
      redirect: "Отслеживаемое обращение передано в отдел «{department}» ({actor})",
    },
    statuses: { new: "Новое", open: "Открыто", pending: "Ждёт ответа", on_hold: "Отложено", solved: "Решено", closed: "Закрыто" },
    at: "Когда: {at}",
    open: "Открыть обращение",
    settings: "Настроить уведомления: {link}",
    noReply: "Это автоматическое уведомление; не отвечайте на него.",
  },
  workspace: {
    invitation: {
      subject: "{inviter} приглашает вас в {workspace} на Frontline",
      body: "{inviter} приглашает вас в {workspace}, ваша роль — {role}.\n\nПринять приглашение (ссылка действует до {expires}):\n{link}",
    },
    password_reset: {
      subject: "Новый пароль для {workspace}",
      body: "{sent, select, admin {{sender} отправляет вам ссылку, чтобы задать новый пароль для {email} в {workspace}.} other {Кто-то — скорее всего, вы — запросил сброс пароля для {email} в {workspace}.}}\n\nЗадайте новый пароль (ссылка одноразовая и действует до {expires}):\n{link}\n\nДля входа используйте адрес рабочего пространства {slug}. Если вы не ждали этого письма, просто не обращайте на него внимания: пароль останется прежним.",
    },
    low_balance: {
      subject: "{workspace}: баланса хватит на {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}",
      body: "Баланс {workspace}: {balance}, этого хватит примерно на {days, plural, one {# день} few {# дня} many {# дней} other {# дня}} по вашему тарифу.\n\nПополните баланс, чтобы служба поддержки продолжала работать: {link}",
    },
    suspended: {
      subject: "{workspace} приостановлен: пополните баланс",
      body: "Работа {workspace} приостановлена: баланс {balance}, льготный период закончился. Сотрудники могут читать обращения, но не менять их; письма клиентов по-прежнему принимаются и сохраняются.\n\nПополните баланс, чтобы продолжить: {link}",
    },
    restored: {
      subject: "{workspace} снова работает",
      body: "Спасибо: баланс {workspace} — {balance}, работа возобновлена. Письма, полученные за это время, обработаны.\n\n{link}",
    },
  },
};
