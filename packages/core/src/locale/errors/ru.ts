import type { ErrorKey } from "./en";

export const ru: Record<ErrorKey, string> = {
  // packages/core/src/error.ts
  "Sign in to continue": "Войдите, чтобы продолжить",
  "You are not allowed to do this": "У вас нет прав на это действие",
  // packages/core/src/validation.ts
  "Required": "Обязательное поле",
  "Enter a whole number": "Укажите целое число",
  "Expected {expected, select, string {text} number {a number} boolean {true or false} array {a list} object {an object} other {another kind of value}}":
    "Ожидается {expected, select, string {текст} number {число} boolean {true или false} array {список} object {объект} other {значение другого типа}}",
  "At least {minimum, plural, one {# character} other {# characters}}": "Не короче {minimum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}",
  "At least {minimum, plural, one {# item} other {# items}}": "Не меньше {minimum, plural, one {# элемента} few {# элементов} many {# элементов} other {# элемента}}",
  "At least {minimum}": "Не меньше {minimum}",
  "More than {minimum}": "Должно быть больше {minimum}",
  "Too small": "Слишком маленькое значение",
  "At most {maximum, plural, one {# character} other {# characters}}": "Не длиннее {maximum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}",
  "At most {maximum, plural, one {# item} other {# items}}": "Не больше {maximum, plural, one {# элемента} few {# элементов} many {# элементов} other {# элемента}}",
  "At most {maximum}": "Не больше {maximum}",
  "Less than {maximum}": "Должно быть меньше {maximum}",
  "Too big": "Слишком большое значение",
  "Use one of: {values}": "Допустимые значения: {values}",
  "Enter a valid email address": "Укажите правильный адрес электронной почты",
  "Use an ISO 8601 date and time": "Укажите дату и время в формате ISO 8601",
  "Use yyyy-mm-dd": "Укажите дату в формате ГГГГ-ММ-ДД",
  "Not in the expected format": "Неверный формат",
  "Use a multiple of {divisor}": "Укажите число, кратное {divisor}",
  "{count, plural, one {Unknown field} other {Unknown fields}}: {keys}":
    "{count, plural, one {Неизвестное поле} few {Неизвестные поля} many {Неизвестные поля} other {Неизвестные поля}}: {keys}",
  "Not one of the accepted forms": "Не подходит ни под один из допустимых вариантов",
  "Invalid value": "Недопустимое значение",
  // packages/core/src/access/index.ts
  "Ticket not found": "Обращение не найдено",
  "Only dispatchers, supervisors and admins assign tickets to others": "Назначать обращения другим сотрудникам могут только диспетчеры, руководители и администраторы",
  "Only dispatchers, supervisors and admins move tickets to another department": "Перенаправлять обращения в другой отдел могут только диспетчеры, руководители и администраторы",
  "Only dispatchers, supervisors and admins delete tickets": "Удалять обращения могут только диспетчеры, руководители и администраторы",
  "Only admins restore or purge tickets in the trash": "Восстанавливать обращения из корзины и удалять их навсегда могут только администраторы",
  "You are not allowed to change this ticket": "У вас нет прав на изменение этого обращения",
  "Only the workspace's admins may do this": "Это могут делать только администраторы рабочего пространства",
  "Only the workspace's owners and admins see its billing": "Тариф и оплату рабочего пространства видят только его владельцы и администраторы",
  "Only dispatchers and admins change customers": "Изменять данные клиентов могут только диспетчеры и администраторы",
  // packages/core/src/actor/index.ts
  "Staff only": "Только для сотрудников",
  // packages/core/src/auth/index.ts
  "Enter your workspace address": "Укажите адрес рабочего пространства",
  "Enter your password": "Укажите пароль",
  "Wrong workspace, email or password": "Неверное рабочее пространство, почта или пароль",
  "This account is disabled; ask your workspace admin": "Эта учётная запись отключена; обратитесь к администратору рабочего пространства",
  // packages/core/src/auth/throttle.ts
  "Too many workspaces opened from this address today; try again in {hours} h": "С этого адреса сегодня создано слишком много рабочих пространств; попробуйте снова через {hours} ч",
  "Too many sign-in attempts; try again in {minutes} min": "Слишком много попыток входа; попробуйте снова через {minutes} мин",
  // packages/core/src/billing/index.ts
  "Billing account not found": "Платёжный счёт не найден",
  "The billing account exists already": "Платёжный счёт уже существует",
  "already done": "уже выполнено",
  "the balance moved": "баланс изменился",
  "The balance kept changing; try again": "Баланс всё время менялся; попробуйте ещё раз",
  "Workspace not found": "Рабочее пространство не найдено",
  "Give whole minor units": "Сумма в минимальных единицах валюты должна быть целой",
  "Give an amount in minor units (cents)": "Укажите сумму в минимальных единицах валюты (центах, копейках)",
  "Give the payment's reference": "Укажите основание платежа",
  "Not zero": "Не может быть нулём",
  "Say why": "Укажите причину",
  "Open top-up request not found": "Открытый запрос пополнения не найден",
  // packages/core/src/counter/index.ts
  "already applied": "уже применено",
  // packages/core/src/cursor/index.ts
  "This cursor is not valid for this list; start from the first page": "Этот курсор не подходит для этого списка; начните с первой страницы",
  // packages/core/src/customer/index.ts
  "Enter a phone number: digits, spaces, brackets, hyphens, an optional leading +": "Укажите телефон: цифры, пробелы, скобки, дефисы и, возможно, + в начале",
  "A phone number has at most 40 characters": "Номер телефона — не длиннее 40 символов",
  "Enter the customer's name": "Укажите имя клиента",
  "Give the requester as '{ customerId }', '{ email, name? }' or '{ name, phone }'": "Укажите клиента в виде «'{ customerId }'», «'{ email, name? }'» или «'{ name, phone }'»",
  "This email address belongs to another customer": "Этот адрес электронной почты принадлежит другому клиенту",
  "There is no such customer": "Такого клиента нет",
  "Customer not found": "Клиент не найден",
  "There is no such organization": "Такой организации нет",
  // packages/core/src/customer/emails.ts, merge.ts
  "Choose one of the languages: English, Russian, Ukrainian, Kazakh, Hungarian": "Выберите один из языков: английский, русский, украинский, казахский, венгерский",
  "This customer was changed meanwhile; look again and retry": "Пока вы смотрели, данные клиента изменились; посмотрите ещё раз и повторите",
  "A customer has at most {max} email addresses": "У клиента может быть не больше {max, plural, one {# адреса} few {# адресов} many {# адресов} other {# адреса}} электронной почты",
  "Email address not found": "Адрес электронной почты не найден",
  "Choose the customer to merge": "Выберите клиента, которого нужно объединить с этим",
  "Choose another customer than this one": "Выберите другого клиента, не этого же",
  "This customer was merged into another already": "Этот клиент уже объединён с другим",
  "Together they would have more than {max} email addresses": "Вместе у них было бы больше {max, plural, one {# адреса} few {# адресов} many {# адресов} other {# адреса}} электронной почты",
  // packages/core/src/customer/organization.ts
  "This is a public mail provider, not a company's domain": "Это домен общедоступного почтового сервиса, а не компании",
  "Enter a domain such as example.com": "Укажите домен, например example.com",
  "Enter the organization's name": "Укажите название организации",
  "At most 20 domains": "Не больше 20 доменов",
  "Organization not found": "Организация не найдена",
  "The domain {domain} already belongs to another organization": "Домен {domain} уже принадлежит другой организации",
  "{domain} already belongs to another organization": "{domain} уже принадлежит другой организации",
  // packages/core/src/db/transaction.ts
  "The change could not be saved ({reason})": "Не удалось сохранить изменение ({reason})",
  "Another change was being saved at the same time; try again": "Одновременно сохранялось другое изменение; попробуйте ещё раз",
  // packages/core/src/department/index.ts
  "Department not found": "Отдел не найден",
  "This workspace has no open department; an admin must create one": "В рабочем пространстве нет ни одного действующего отдела; его должен создать администратор",
  "There is no such department": "Такого отдела нет",
  "{name} is archived and takes no tickets": "Отдел «{name}» в архиве и не принимает обращения",
  "The first department exists already": "Первый отдел уже создан",
  "Enter the department's name": "Укажите название отдела",
  "A department becomes the default by setting isDefault: true": "Чтобы сделать отдел основным, передайте isDefault: true",
  "There is already a department named {name}": "Отдел «{name}» уже есть",
  "Enter the part of the address after +": "Укажите часть адреса после +",
  "This address is kept for replies to tickets; choose another": "Такие адреса служат для ответов на заявки; выберите другой",
  "{name} already receives mail at this address; choose another": "На этот адрес уже получает почту отдел «{name}»; выберите другой",
  "The default department cannot be archived; make another one the default first": "Основной отдел нельзя отправить в архив; сначала сделайте основным другой отдел",
  "An archived department cannot be the default": "Отдел в архиве не может быть основным",
  "The default department cannot be deleted": "Основной отдел нельзя удалить",
  "{name} has tickets; archive it instead, so that they keep their department": "В отделе «{name}» есть обращения; отправьте его в архив, чтобы они остались в своём отделе",
  "At most 500 staff members": "Не больше 500 сотрудников",
  // packages/core/src/email/inbound.ts
  "Another attempt took this mail over": "Обработку этого письма перехватила другая попытка",
  // packages/core/src/email/letters.ts
  "Enter a subject": "Укажите тему",
  "Enter the letter": "Напишите текст письма",
  "The template does not parse: {problem}": "Ошибка в синтаксисе шаблона: {problem}",
  "The template does not render: {problem}": "Не удалось сформировать письмо по шаблону: {problem}",
  // packages/core/src/email/mail.ts
  "Mail not found": "Письмо не найдено",
  "Raw message not found": "Оригинал письма не найден",
  "This mail is being processed": "Это письмо сейчас обрабатывается",
  "Only unprocessable, held or stalled mail is processed again; this one is {status, select, ticket_created {ticket created} reply_added {reply added} note_added {note added} ignored {ignored} other {{status}}}":
    "Повторно обрабатываются только необработанные, задержанные и зависшие письма, а у этого статус «{status, select, ticket_created {Создано обращение} reply_added {Добавлен ответ} note_added {Добавлена заметка} ignored {Пропущено} other {{status}}}»",
  "This mail is being processed already": "Это письмо уже обрабатывается",
  // packages/core/src/email/outbox.ts
  "This letter is queued already": "Это письмо уже в очереди",
  "Outbox entry not found": "Запись в исходящих не найдена",
  "Letter not found": "Письмо не найдено",
  "Only a failed, suppressed or stalled letter is sent again; this one is {status, select, sent {sent} other {being sent}}":
    "Повторно отправляются только недоставленные, неотправленные и зависшие письма, а это {status, select, sent {уже отправлено} other {сейчас отправляется}}",
  "This letter is being sent again already": "Это письмо уже отправляется повторно",
  // packages/core/src/email/stop-list.ts
  "Enter an address (name@example.com) or a domain (example.com)": "Укажите адрес (name@example.com) или домен (example.com)",
  "Enter an address or a domain": "Укажите адрес или домен",
  "{value} is already on the stop list": "{value} уже в стоп-листе",
  "Already on the stop list": "Уже в стоп-листе",
  "Stop list entry not found": "Запись стоп-листа не найдена",
  // packages/core/src/event/index.ts
  "The end must be after the start": "Конец периода должен быть позже начала",
  "Give the target's type with its id": "Вместе с идентификатором объекта укажите его тип",
  "Use an ISO 8601 date and time, e.g. 2026-11-01T00:00:00Z": "Укажите дату и время в формате ISO 8601, например 2026-11-01T00:00:00Z",
  "Use an ISO 8601 date and time, e.g. 2026-11-30T00:00:00Z": "Укажите дату и время в формате ISO 8601, например 2026-11-30T00:00:00Z",
  // packages/core/src/notification/index.ts
  "Notification not found": "Уведомление не найдено",
  // packages/core/src/operator/index.ts
  "Wrong email or password": "Неверная почта или пароль",
  "Failed reaction not found": "Сбой реакции не найден",
  // packages/core/src/plan/index.ts
  "Plan not found": "Тариф не найден",
  "{addOn} is an add-on of the {plan} plan: add it under Plan and billing, or move to Pro":
    "«{addOn}» — дополнение к тарифу {plan}: подключите его в разделе «Тариф и оплата» или перейдите на тариф Pro",
  "{feature} is not part of the {plan} plan; the Pro plan has it": "Возможность {feature} не входит в тариф {plan}; она есть в тарифе Pro",
  "Not negative": "Не может быть отрицательным",
  // packages/core/src/plan/limits.ts
  "The {plan} plan includes {seats, plural, one {# staff seat} other {# staff seats}}, and all are taken (yours among them; each pending invitation holds one too). Deactivate someone, revoke an invitation, or move to the Pro plan for more seats.":
    "Тариф {plan} включает {seats, plural, one {# место для сотрудников, и оно занято} few {# места для сотрудников, и все они заняты} many {# мест для сотрудников, и все они заняты} other {# места для сотрудников, и все они заняты}} (включая ваше; каждое ожидающее приглашение тоже занимает место). Отключите кого-нибудь из сотрудников, отзовите приглашение или перейдите на тариф Pro, где мест больше.",
  "The {plan} plan allows {tickets, plural, one {# new ticket} other {# new tickets}} a day (UTC), and today's are used. Replies to existing tickets are not limited. The Pro plan has no daily limit.":
    "Тариф {plan} позволяет создавать {tickets, plural, one {# новое обращение} few {# новых обращения} many {# новых обращений} other {# нового обращения}} в день (по UTC), и на сегодня лимит исчерпан. Ответы в существующих обращениях не ограничены. В тарифе Pro дневного лимита нет.",
  // packages/core/src/reply-template/index.ts
  "Give the template a name": "Дайте шаблону название",
  "Write the reply": "Напишите текст ответа",
  "Reply template not found": "Шаблон ответа не найден",
  // packages/core/src/sla/calendar.ts
  "Use HH:mm, e.g. 09:00": "Укажите время в формате ЧЧ:мм, например 09:00",
  "Use HH:mm, e.g. 18:00 (24:00 for midnight)": "Укажите время в формате ЧЧ:мм, например 18:00 (24:00 — полночь)",
  "Use an IANA time zone such as Europe/Kyiv": "Укажите часовой пояс IANA, например Europe/Kyiv",
  "At most 6 intervals a day": "Не больше 6 интервалов в день",
  "At most 400 holidays": "Не больше 400 праздников",
  "Intervals of a day must not overlap": "Интервалы одного дня не должны пересекаться",
  "Give at least one working interval": "Укажите хотя бы один рабочий интервал",
  // packages/core/src/sla/index.ts
  "Give it a name": "Укажите название",
  "Enter a name": "Укажите имя",
  "Use notify_assignee, notify_supervisors, notify_staff, raise_priority or reassign": "Укажите notify_assignee, notify_supervisors, notify_staff, raise_priority или reassign",
  "Name at least one staff member": "Выберите хотя бы одного сотрудника",
  "Reassign to a department, a person, or both": "Укажите, кому переназначить: отдел, сотрудника или и то и другое",
  "Use warning or breach": "Укажите warning или breach",
  "Give at least one action": "Укажите хотя бы одно действие",
  "At most a year": "Не больше года",
  "At least 1 minute": "Не меньше 1 минуты",
  "Give whole minutes": "Укажите целое число минут",
  "Give minutes": "Укажите число минут",
  "Business hours need a calendar": "Для рабочих часов нужен календарь",
  "Give at least one target": "Укажите хотя бы один срок",
  "Use business or calendar": "Укажите business или calendar",
  "A clock pauses on pending or on_hold": "Отсчёт можно останавливать только в статусах pending и on_hold",
  "Warn between 1 and 99 percent": "Порог предупреждения — от 1 до 99 % срока",
  "There is no such staff member": "Такого сотрудника нет",
  "Calendar not found": "Календарь не найден",
  "The calendar is used by {policies}": "Календарь используется в политиках: {policies}",
  "There is no such calendar": "Такого календаря нет",
  "SLA policy not found": "Политика SLA не найдена",
  "Give every policy once, in the new order": "Перечислите все политики по одному разу в новом порядке",
  // packages/core/src/staff/index.ts
  "An email address has at most 254 characters": "Адрес электронной почты — не длиннее 254 символов",
  "Enter an email address": "Укажите адрес электронной почты",
  "A name has at most 100 characters": "Имя — не длиннее 100 символов",
  "Use at most {maximum} characters": "Не длиннее {maximum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}",
  "Use at least {minimum} characters": "Не короче {minimum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}",
  "Enter a password": "Укажите пароль",
  "Staff member not found": "Сотрудник не найден",
  "Use admin, supervisor, dispatcher or agent": "Укажите роль: admin, supervisor, dispatcher или agent",
  "A staff member with this email address already exists": "Сотрудник с таким адресом электронной почты уже есть",
  "The owner's account exists already": "Учётная запись владельца уже создана",
  "Only the owner grants or takes the owner's role": "Назначать и снимать роль владельца может только владелец",
  "Only the owner changes the owner's account": "Изменять учётную запись владельца может только сам владелец",
  "A workspace must keep an active owner": "В рабочем пространстве должен оставаться активный владелец",
  // packages/core/src/staff/invitation.ts
  "Invite as admin, supervisor, dispatcher or agent": "Пригласить можно с ролью admin, supervisor, dispatcher или agent",
  "This person is already on the staff": "Этот человек уже в команде",
  "Already on the staff": "Уже в команде",
  "This person has a pending invitation": "Этому человеку уже отправлено приглашение",
  "Already invited; revoke that invitation to send a new one": "Уже приглашён; чтобы отправить новое приглашение, отзовите прежнее",
  "Invitation not found": "Приглашение не найдено",
  "This invitation is {status, select, accepted {accepted} revoked {revoked} expired {expired} other {{status}}} already":
    "Это приглашение уже {status, select, accepted {принято} revoked {отозвано} expired {истекло} other {{status}}}",
  "The invitation was answered meanwhile": "Тем временем на приглашение уже ответили",
  "This invitation has expired; ask for a new one": "Срок действия приглашения истёк; попросите прислать новое",
  "This invitation was {status, select, accepted {accepted} revoked {revoked} other {{status}}}": "Это приглашение {status, select, accepted {уже принято} revoked {отозвано} other {{status}}}",
  "This invitation was answered meanwhile": "Тем временем на это приглашение уже ответили",
  // packages/core/src/staff/password-reset.ts
  "Too many password reset requests; try again in {minutes} min": "Слишком много запросов на сброс пароля; попробуйте снова через {minutes} мин",
  "Password reset link not found": "Ссылка для сброса пароля не найдена",
  "Open the link from the letter": "Откройте ссылку из письма",
  "This link has expired; ask for a new one": "Срок действия ссылки истёк; запросите новую",
  "This link has been used already; ask for a new one": "Эта ссылка уже использована; запросите новую",
  "This account is disabled; activate it first": "Эта учётная запись отключена; сначала включите её",
  // packages/core/src/tenant/index.ts (the workspace address)
  "Only the owner changes the workspace's address": "Адрес рабочего пространства может изменить только владелец",
  "The workspace's address was changed meanwhile; reload and try again": "Адрес рабочего пространства только что изменили; обновите страницу и попробуйте снова",
  // packages/core/src/stream/failure.ts
  "Use parked, retrying or resolved": "Укажите parked, retrying или resolved",
  "This reaction has run successfully already": "Эта реакция уже успешно выполнена",
  "No reaction is named {name} any more": "Реакции с именем {name} больше нет",
  "The reaction failed again: {error}": "Реакция снова завершилась ошибкой: {error}",
  // packages/core/src/tenant/index.ts
  "This address is reserved; choose another": "Этот адрес зарезервирован; выберите другой",
  "Use only Latin letters (a–z), digits and hyphens, with no hyphen at the start or end or two in a row":
    "Допустимы только латинские буквы (a–z), цифры и дефисы; дефис не может стоять в начале, в конце и два раза подряд",
  "Choose a workspace address": "Выберите адрес рабочего пространства",
  "Enter the workspace name": "Укажите название рабочего пространства",
  "This workspace address is taken": "Этот адрес рабочего пространства уже занят",
  "This workspace address is taken; choose another": "Этот адрес рабочего пространства уже занят; выберите другой",
  "A select needs options": "Для поля с выбором из списка укажите варианты",
  "Use lowercase letters, digits and underscores, starting with a letter": "Используйте строчные латинские буквы, цифры и подчёркивания; в начале должна быть буква",
  "Give the field a label": "Укажите подпись поля",
  "Use text, textarea, phone or select": "Укажите text, textarea, phone или select",
  "Each field needs its own key": "У каждого поля должен быть свой ключ",
  "At most 20 fields": "Не больше 20 полей",
  "Choose a plan": "Выберите тариф",
  "There is no such plan": "Такого тарифа нет",
  "The {plan} plan has no such add-on": "У тарифа {plan} нет такого дополнения",
  "The {plan} plan includes {seats, plural, one {# staff seat} other {# staff seats}} and {used, plural, one {# is} other {# are}} in use: deactivate staff or revoke invitations first":
    "Тариф {plan} включает {seats, plural, one {# место} few {# места} many {# мест} other {# места}} для сотрудников, а занято {used, plural, one {# место} few {# места} many {# мест} other {# места}}: сначала отключите сотрудников или отзовите приглашения",
  // packages/core/src/ticket/create.ts
  "A new ticket is new, open, pending or on_hold": "Новое обращение может быть только в статусе new, open, pending или on_hold",
  "There is no such active staff member": "Такого активного сотрудника нет",
  "{name} does not work this ticket's department": "{name} не работает в отделе этого обращения",
  "Ticket #{number} exists already": "Обращение №{number} уже существует",
  "number taken": "номер занят",
  "id taken": "идентификатор занят",
  "You do not work this department": "Вы не работаете в этом отделе",
  // packages/core/src/ticket/lifecycle.ts
  "This ticket is closed; closed tickets are final (a new message opens a follow-up)": "Обращение закрыто, и изменить его уже нельзя (новое сообщение откроет связанное обращение)",
  "A ticket cannot be set back to new": "Обращение нельзя вернуть в статус «Новое»",
  "Solve the ticket before closing it": "Прежде чем закрыть обращение, отметьте его решённым",
  "A ticket cannot go from {from, select, new {new} open {open} pending {pending} on_hold {on hold} solved {solved} closed {closed} other {{from}}} to {to, select, new {new} open {open} pending {pending} on_hold {on hold} solved {solved} closed {closed} other {{to}}}":
    "Обращение нельзя перевести из статуса «{from, select, new {Новое} open {Открыто} pending {Ждёт ответа} on_hold {Отложено} solved {Решено} closed {Закрыто} other {{from}}}» в статус «{to, select, new {Новое} open {Открыто} pending {Ждёт ответа} on_hold {Отложено} solved {Решено} closed {Закрыто} other {{to}}}»",
  "At most 20 tags": "Не больше 20 меток",
  "Use letters, digits, spaces, hyphens and underscores in tags": "В метках можно использовать буквы, цифры, пробелы, дефисы и подчёркивания",
  "A tag has at most 40 characters": "Метка — не длиннее 40 символов",
  "A tag cannot be empty": "Метка не может быть пустой",
  // packages/core/src/ticket/link.ts
  "Choose the ticket to link": "Выберите обращение, которое нужно связать",
  "Choose how the tickets are related": "Выберите, как связаны обращения",
  "There is no such ticket": "Такого обращения нет",
  "There is no ticket #{number}": "Обращения №{number} нет",
  "A ticket cannot be linked to itself": "Обращение нельзя связать с самим собой",
  "Ticket #{number} is in the trash": "Обращение №{number} в корзине",
  "Ticket #{number} is linked to this one already": "Обращение №{number} уже связано с этим",
  "This ticket has a problem already: an incident has one problem": "У этого обращения уже есть проблема, а у инцидента может быть только одна проблема",
  "Ticket #{number} has a problem already: an incident has one problem": "У обращения №{number} уже есть проблема, а у инцидента может быть только одна проблема",
  "Link not found": "Связь не найдена",
  // packages/core/src/ticket/merge.ts
  "Choose the ticket to merge into": "Выберите обращение, с которым нужно объединить это",
  "This ticket was merged into #{number} already": "Это обращение уже объединено с №{number}",
  "Other tickets were merged into this one: merge them into the ticket you choose instead, or undo their merge first": "С этим обращением уже объединены другие: объедините их с выбранным обращением напрямую или сначала отмените их объединение",
  "A ticket cannot be merged into itself": "Обращение нельзя объединить с самим собой",
  "You do not work the department of #{number}": "Вы не работаете в отделе обращения №{number}",
  "Ticket #{number} was itself merged into #{survivor}": "Обращение №{number} само уже объединено с №{survivor}",
  "Ticket #{number} is another customer's: only one customer's tickets are merged": "Обращение №{number} от другого клиента: объединять можно только обращения одного клиента",
  "This ticket is not merged into another": "Это обращение не объединено с другим",
  "A merge can be undone within 24 hours only": "Объединение можно отменить только в течение 24 часов",
  "Ticket #{number} changed while you were merging; try again": "Обращение №{number} изменилось, пока вы объединяли; попробуйте ещё раз",
  // packages/core/src/ticket/queue.ts
  "The department view needs a departmentId": "Для представления department укажите departmentId",
  "Only admins see the trash": "Корзину видят только администраторы",
  "You do not have access to this department": "У вас нет доступа к этому отделу",
  "The mine view is for staff members": "Представление mine доступно только сотрудникам",
  // packages/core/src/ticket/read.ts
  "Message not found": "Сообщение не найдено",
  "Attachment not found": "Вложение не найдено",
  "HTML not found": "HTML-версия не найдена",
  "This view has changed since this cursor; start from the first page": "Представление изменилось с момента получения курсора; начните с первой страницы",
  // packages/core/src/ticket/receive.ts
  "This mail is on ticket #{number} already": "Это письмо уже есть в обращении №{number}",
  // packages/core/src/ticket/record.ts
  "A subject has at most 200 characters": "Тема — не длиннее 200 символов",
  "A message has at most {maximum} characters": "Сообщение — не длиннее {maximum, plural, one {# символа} few {# символов} many {# символов} other {# символа}}",
  "Enter the message": "Напишите сообщение",
  "Send the ticket's version you are changing": "Передайте версию обращения, которую вы изменяете",
  "This ticket no longer exists": "Этого обращения больше нет",
  "Changed by {name} while you were working": "Пока вы работали, обращение изменил(а) {name}",
  "Ticket #{number} is closed": "Обращение №{number} закрыто",
  // packages/core/src/ticket/reply.ts
  "Use open, pending, on_hold or solved": "Укажите open, pending, on_hold или solved",
  // packages/core/src/ticket/trash.ts
  "The ticket changed while it was being purged; try again": "Обращение изменилось во время удаления; попробуйте ещё раз",
  // packages/core/src/ticket/update.ts
  "Say why the ticket moves to another department": "Укажите, почему обращение переходит в другой отдел",
  // packages/core/src/ticket/write.ts
  "stale version": "устаревшая версия",
  "This entry is in the thread already": "Эта запись уже есть в переписке",
  // functions/src/api/app.ts
  "The request body is larger than 1 MiB": "Тело запроса больше 1 МиБ",
  "Route not found": "Маршрут не найден",
  // functions/src/api/auth.ts
  "Use the Authorization header as: Bearer <token>": "Передайте заголовок Authorization в виде: Bearer <токен>",
  "Missing or wrong CSRF token; reload the page and try again": "CSRF-токен отсутствует или неверен; обновите страницу и попробуйте ещё раз",
  "This workspace is suspended because its balance ran out: staff can read but not change anything until it is topped up (Admin → Plan and billing).":
    "Работа рабочего пространства приостановлена, потому что закончился баланс: сотрудники могут просматривать данные, но ничего не могут изменить, пока баланс не пополнен («Администрирование → Тариф и оплата»).",
  // functions/src/api/body.ts
  "Send the body as JSON (Content-Type: application/json)": "Передайте тело запроса в формате JSON (Content-Type: application/json)",
  "The body is not valid JSON": "Тело запроса не является корректным JSON",
  // functions/src/api/errors.ts
  "Bad request": "Некорректный запрос",
  "Something went wrong on our side": "На нашей стороне произошла ошибка",
  // functions/src/api/origin.ts
  "This API answers only through the site's own address": "Этот API отвечает только на запросы, пришедшие через адрес самого сайта",
  // functions/src/api/openapi.ts
  "Item not found": "Объект не найден",
  // functions/src/api/request-limit.ts
  "Too many requests; try again in {seconds} s": "Слишком много запросов; попробуйте снова через {seconds} с",
  // functions/src/api/routes/admin.ts
  "Only the workspace's admins may see this": "Это видят только администраторы рабочего пространства",
  "Only the workspace's admins read the whole event log": "Весь журнал событий видят только администраторы рабочего пространства",
  // functions/src/api/routes/operator.ts
  "Sign in to the operator console": "Войдите в консоль оператора",
  // functions/src/api/routes/tickets.ts
  "A ticket number is a whole number": "Номер обращения — целое число",
  // packages/core/src/search/index.ts
  "Use a date such as 2026-12-05": "Используйте дату вида 2026-12-05",
  "The end date is before the start date": "Дата окончания раньше даты начала",
  "Search for at most 200 characters": "Поисковый запрос — не больше 200 символов",
  "Type something to search for, or choose a filter": "Введите, что искать, или выберите фильтр",
  "Type letters or digits to search for": "Для поиска введите буквы или цифры",
  // packages/core/src/ticket/bulk.ts, packages/core/src/view/index.ts
  "Name a tag to add or remove": "Укажите метку, которую нужно добавить или снять",
  "Give the view a name": "Дайте представлению название",
  "Only admins share views with the whole workspace": "Делиться представлениями со всем пространством могут только администраторы",
  "Only admins change or delete a shared view": "Общее представление могут изменить или удалить только администраторы",
  "You keep {limit} views, the most one person may: delete one to save another": "У вас уже {limit} представлений — это максимум. Удалите одно, чтобы сохранить новое",
  "View not found": "Представление не найдено",
};
