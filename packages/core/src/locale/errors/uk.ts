import type { ErrorKey } from "./en";

export const uk: Record<ErrorKey, string> = {
  // packages/core/src/error.ts
  "Sign in to continue": "Увійдіть, щоб продовжити",
  "You are not allowed to do this": "У вас немає прав на цю дію",
  // packages/core/src/validation.ts
  "Required": "Обов’язкове поле",
  "Enter a whole number": "Вкажіть ціле число",
  "Expected {expected, select, string {text} number {a number} boolean {true or false} array {a list} object {an object} other {another kind of value}}":
    "Очікується {expected, select, string {текст} number {число} boolean {true або false} array {список} object {об’єкт} other {значення іншого типу}}",
  "At least {minimum, plural, one {# character} other {# characters}}":
    "Щонайменше {minimum, plural, one {# символ} few {# символи} many {# символів} other {# символу}}",
  "At least {minimum, plural, one {# item} other {# items}}":
    "Щонайменше {minimum, plural, one {# елемент} few {# елементи} many {# елементів} other {# елемента}}",
  "At least {minimum}": "Не менше ніж {minimum}",
  "More than {minimum}": "Має бути більше за {minimum}",
  "Too small": "Замале значення",
  "At most {maximum, plural, one {# character} other {# characters}}":
    "Щонайбільше {maximum, plural, one {# символ} few {# символи} many {# символів} other {# символу}}",
  "At most {maximum, plural, one {# item} other {# items}}":
    "Щонайбільше {maximum, plural, one {# елемент} few {# елементи} many {# елементів} other {# елемента}}",
  "At most {maximum}": "Не більше ніж {maximum}",
  "Less than {maximum}": "Має бути менше за {maximum}",
  "Too big": "Завелике значення",
  "Use one of: {values}": "Допустимі значення: {values}",
  "Enter a valid email address": "Вкажіть правильну адресу ел. пошти",
  "Use an ISO 8601 date and time": "Вкажіть дату й час у форматі ISO 8601",
  "Use yyyy-mm-dd": "Вкажіть дату у форматі РРРР-ММ-ДД",
  "Not in the expected format": "Неправильний формат",
  "Use a multiple of {divisor}": "Значення має бути кратним {divisor}",
  "{count, plural, one {Unknown field} other {Unknown fields}}: {keys}":
    "{count, plural, one {Невідоме поле} few {Невідомі поля} many {Невідомі поля} other {Невідомі поля}}: {keys}",
  "Not one of the accepted forms": "Не відповідає жодному з допустимих варіантів",
  "Invalid value": "Неправильне значення",
  // packages/core/src/access/index.ts
  "Ticket not found": "Звернення не знайдено",
  "Only dispatchers, supervisors and admins assign tickets to others":
    "Призначати звернення іншим можуть лише диспетчери, керівники та адміністратори",
  "Only dispatchers, supervisors and admins move tickets to another department":
    "Переспрямовувати звернення до іншого відділу можуть лише диспетчери, керівники та адміністратори",
  "Only dispatchers, supervisors and admins delete tickets": "Видаляти звернення можуть лише диспетчери, керівники та адміністратори",
  "Only admins restore or purge tickets in the trash": "Відновлювати звернення з кошика чи видаляти їх назавжди можуть лише адміністратори",
  "You are not allowed to change this ticket": "Ви не можете змінювати це звернення",
  "Only the workspace's admins may do this": "Це можуть робити лише адміністратори робочого простору",
  "Only the workspace's owners and admins see its billing": "Оплату робочого простору бачать лише його власники та адміністратори",
  "Only dispatchers and admins change customers": "Змінювати дані клієнтів можуть лише диспетчери та адміністратори",
  // packages/core/src/actor/index.ts
  "Staff only": "Лише для працівників робочого простору",
  // packages/core/src/auth/index.ts
  "Enter your workspace address": "Вкажіть адресу робочого простору",
  "Enter your password": "Вкажіть пароль",
  "Wrong workspace, email or password": "Неправильний робочий простір, ел. пошта або пароль",
  "This account is disabled; ask your workspace admin": "Цей обліковий запис деактивовано; зверніться до адміністратора робочого простору",
  // packages/core/src/auth/throttle.ts
  "Too many workspaces opened from this address today; try again in {hours} h":
    "З цієї адреси сьогодні вже відкрито забагато робочих просторів; спробуйте ще раз через {hours} год",
  "Too many sign-in attempts; try again in {minutes} min": "Забагато спроб входу; спробуйте ще раз через {minutes} хв",
  // packages/core/src/billing/index.ts
  "Billing account not found": "Платіжний рахунок не знайдено",
  "The billing account exists already": "Платіжний рахунок уже існує",
  "already done": "уже виконано",
  "the balance moved": "баланс змінився",
  "The balance kept changing; try again": "Баланс увесь час змінювався; спробуйте ще раз",
  "Workspace not found": "Робочий простір не знайдено",
  "Give whole minor units": "Вкажіть суму цілим числом копійок (центів)",
  "Give an amount in minor units (cents)": "Вкажіть суму в копійках (центах)",
  "Give the payment's reference": "Вкажіть призначення платежу",
  "Not zero": "Сума не може дорівнювати нулю",
  "Say why": "Вкажіть причину",
  "Open top-up request not found": "Відкритий запит на поповнення не знайдено",
  // packages/core/src/counter/index.ts
  "already applied": "уже застосовано",
  // packages/core/src/cursor/index.ts
  "This cursor is not valid for this list; start from the first page": "Цей курсор не підходить для цього списку; почніть з першої сторінки",
  // packages/core/src/customer/index.ts
  "Enter a phone number: digits, spaces, brackets, hyphens, an optional leading +":
    "Вкажіть телефон: цифри, пробіли, дужки, дефіси та, за потреби, + на початку",
  "A phone number has at most 40 characters": "Номер телефону — щонайбільше 40 символів",
  "Enter the customer's name": "Вкажіть ім’я клієнта",
  "Give the requester as '{ customerId }', '{ email, name? }' or '{ name, phone }'":
    "Вкажіть клієнта так: '{ customerId }', '{ email, name? }' або '{ name, phone }'",
  "This email address belongs to another customer": "Ця адреса ел. пошти належить іншому клієнтові",
  "There is no such customer": "Такого клієнта немає",
  "Customer not found": "Клієнта не знайдено",
  "There is no such organization": "Такої організації немає",
  // packages/core/src/customer/emails.ts, merge.ts
  "Choose one of the languages: English, Russian, Ukrainian, Kazakh, Hungarian": "Виберіть одну з мов: англійська, російська, українська, казахська, угорська",
  "This customer was changed meanwhile; look again and retry": "Поки ви переглядали, дані клієнта змінилися; перегляньте ще раз і повторіть",
  "A customer has at most {max} email addresses": "У клієнта може бути щонайбільше {max, plural, one {# адреса} few {# адреси} many {# адрес} other {# адреси}} електронної пошти",
  "Email address not found": "Адресу електронної пошти не знайдено",
  "Choose the customer to merge": "Виберіть клієнта, якого треба об’єднати з цим",
  "Choose another customer than this one": "Виберіть іншого клієнта, не цього самого",
  "This customer was merged into another already": "Цього клієнта вже об’єднано з іншим",
  "Together they would have more than {max} email addresses": "Разом у них було б понад {max, plural, one {# адресу} few {# адреси} many {# адрес} other {# адреси}} електронної пошти",
  // packages/core/src/customer/organization.ts
  "This is a public mail provider, not a company's domain": "Це домен публічного поштового сервісу, а не компанії",
  "Enter a domain such as example.com": "Вкажіть домен, наприклад example.com",
  "Enter the organization's name": "Вкажіть назву організації",
  "At most 20 domains": "Щонайбільше 20 доменів",
  "Organization not found": "Організацію не знайдено",
  "The domain {domain} already belongs to another organization": "Домен {domain} уже належить іншій організації",
  "{domain} already belongs to another organization": "{domain} уже належить іншій організації",
  // packages/core/src/db/transaction.ts
  "The change could not be saved ({reason})": "Не вдалося зберегти зміну ({reason})",
  "Another change was being saved at the same time; try again": "Одночасно зберігалася інша зміна; спробуйте ще раз",
  // packages/core/src/department/index.ts
  "Department not found": "Відділ не знайдено",
  "This workspace has no open department; an admin must create one":
    "У цьому робочому просторі немає жодного відділу поза архівом; адміністратор має створити новий",
  "There is no such department": "Такого відділу немає",
  "{name} is archived and takes no tickets": "Відділ «{name}» в архіві й не приймає звернень",
  "The first department exists already": "Перший відділ уже створено",
  "Enter the department's name": "Вкажіть назву відділу",
  "A department becomes the default by setting isDefault: true": "Щоб зробити відділ основним, передайте isDefault: true",
  "There is already a department named {name}": "Відділ із назвою «{name}» уже є",
  "Enter the part of the address after +": "Вкажіть частину адреси після +",
  "This address is kept for replies to tickets; choose another": "Такі адреси слугують для відповідей на заявки; виберіть іншу",
  "{name} already receives mail at this address; choose another": "На цю адресу вже отримує пошту відділ «{name}»; виберіть іншу",
  "The default department cannot be archived; make another one the default first":
    "Основний відділ не можна перемістити в архів; спершу зробіть основним інший відділ",
  "An archived department cannot be the default": "Відділ в архіві не може бути основним",
  "The default department cannot be deleted": "Основний відділ не можна видалити",
  "{name} has tickets; archive it instead, so that they keep their department":
    "У відділі «{name}» є звернення; замість видалення перемістіть відділ в архів, щоб звернення залишилися в ньому",
  "At most 500 staff members": "Щонайбільше 500 працівників",
  // packages/core/src/email/inbound.ts
  "Another attempt took this mail over": "Обробку цього листа перехопила інша спроба",
  // packages/core/src/email/letters.ts
  "Enter a subject": "Вкажіть тему",
  "Enter the letter": "Напишіть текст листа",
  "The template does not parse: {problem}": "Помилка в синтаксисі шаблону: {problem}",
  "The template does not render: {problem}": "Не вдалося заповнити шаблон: {problem}",
  // packages/core/src/email/mail.ts
  "Mail not found": "Лист не знайдено",
  "Raw message not found": "Оригінал листа не знайдено",
  "This mail is being processed": "Цей лист зараз обробляється",
  "Only unprocessable, held or stalled mail is processed again; this one is {status, select, ticket_created {ticket created} reply_added {reply added} note_added {note added} ignored {ignored} other {{status}}}":
    "Повторно обробити можна лише лист, який не вдалося обробити, затриманий або завислий; статус цього листа — «{status, select, ticket_created {створено звернення} reply_added {додано відповідь} note_added {додано нотатку} ignored {пропущено} other {{status}}}»",
  "This mail is being processed already": "Цей лист уже обробляється",
  // packages/core/src/email/outbox.ts
  "This letter is queued already": "Цей лист уже в черзі",
  "Outbox entry not found": "Лист у вихідних не знайдено",
  "Letter not found": "Лист не знайдено",
  "Only a failed, suppressed or stalled letter is sent again; this one is {status, select, sent {sent} other {being sent}}":
    "Повторно надіслати можна лише недоставлений, ненадісланий або завислий лист; цей лист {status, select, sent {уже надіслано} other {саме надсилається}}",
  "This letter is being sent again already": "Цей лист уже надсилається повторно",
  // packages/core/src/email/stop-list.ts
  "Enter an address (name@example.com) or a domain (example.com)": "Вкажіть адресу (name@example.com) або домен (example.com)",
  "Enter an address or a domain": "Вкажіть адресу або домен",
  "{value} is already on the stop list": "{value} уже є в стоп-списку",
  "Already on the stop list": "Уже є в стоп-списку",
  "Stop list entry not found": "Запис стоп-списку не знайдено",
  // packages/core/src/event/index.ts
  "The end must be after the start": "Кінець має бути пізніше за початок",
  "Give the target's type with its id": "Разом з ідентифікатором об’єкта вкажіть його тип",
  "Use an ISO 8601 date and time, e.g. 2026-11-01T00:00:00Z": "Вкажіть дату й час у форматі ISO 8601, наприклад 2026-11-01T00:00:00Z",
  "Use an ISO 8601 date and time, e.g. 2026-11-30T00:00:00Z": "Вкажіть дату й час у форматі ISO 8601, наприклад 2026-11-30T00:00:00Z",
  // packages/core/src/notification/index.ts
  "Notification not found": "Сповіщення не знайдено",
  // packages/core/src/operator/index.ts
  "Wrong email or password": "Неправильна ел. пошта або пароль",
  "Failed reaction not found": "Збій реакції не знайдено",
  // packages/core/src/plan/index.ts
  "Plan not found": "Тариф не знайдено",
  "{addOn} is an add-on of the {plan} plan: add it under Plan and billing, or move to Pro":
    "«{addOn}» — додаткова послуга тарифу {plan}: підключіть її в розділі «Тариф і оплата» або перейдіть на тариф Pro",
  "{feature} is not part of the {plan} plan; the Pro plan has it": "Можливість {feature} не входить у тариф {plan}; вона є в тарифі Pro",
  "Not negative": "Значення не може бути від’ємним",
  // packages/core/src/plan/limits.ts
  "The {plan} plan includes {seats, plural, one {# staff seat} other {# staff seats}}, and all are taken (yours among them; each pending invitation holds one too). Deactivate someone, revoke an invitation, or move to the Pro plan for more seats.":
    "Тариф {plan} передбачає {seats, plural, one {# місце} few {# місця} many {# місць} other {# місця}} для працівників, і вільних не залишилося (зокрема ваше; кожне неприйняте запрошення теж займає місце). Деактивуйте когось із працівників, відкличте запрошення або перейдіть на тариф Pro, щоб мати більше місць.",
  "The {plan} plan allows {tickets, plural, one {# new ticket} other {# new tickets}} a day (UTC), and today's are used. Replies to existing tickets are not limited. The Pro plan has no daily limit.":
    "Тариф {plan} дозволяє {tickets, plural, one {# нове звернення} few {# нові звернення} many {# нових звернень} other {# нового звернення}} на день (за UTC), і сьогоднішній ліміт вичерпано. Відповіді в наявних зверненнях не обмежено. У тарифі Pro денного ліміту немає.",
  // packages/core/src/reply-template/index.ts
  "Give the template a name": "Дайте шаблону назву",
  "Write the reply": "Напишіть текст відповіді",
  "Reply template not found": "Шаблон відповіді не знайдено",
  // packages/core/src/sla/calendar.ts
  "Use HH:mm, e.g. 09:00": "Формат ГГ:хх, наприклад 09:00",
  "Use HH:mm, e.g. 18:00 (24:00 for midnight)": "Формат ГГ:хх, наприклад 18:00 (24:00 — північ)",
  "Use an IANA time zone such as Europe/Kyiv": "Вкажіть часовий пояс IANA, наприклад Europe/Kyiv",
  "At most 6 intervals a day": "Щонайбільше 6 інтервалів на день",
  "At most 400 holidays": "Щонайбільше 400 святкових днів",
  "Intervals of a day must not overlap": "Інтервали одного дня не повинні перетинатися",
  "Give at least one working interval": "Вкажіть хоча б один робочий інтервал",
  // packages/core/src/sla/index.ts
  "Give it a name": "Вкажіть назву",
  "Enter a name": "Вкажіть назву",
  "Use notify_assignee, notify_supervisors, notify_staff, raise_priority or reassign":
    "Допустимі дії: notify_assignee, notify_supervisors, notify_staff, raise_priority або reassign",
  "Name at least one staff member": "Виберіть хоча б одного працівника",
  "Reassign to a department, a person, or both": "Виберіть відділ, працівника або обидва",
  "Use warning or breach": "Допустимі значення: warning або breach",
  "Give at least one action": "Вкажіть хоча б одну дію",
  "At most a year": "Щонайбільше рік",
  "At least 1 minute": "Щонайменше 1 хвилина",
  "Give whole minutes": "Вкажіть ціле число хвилин",
  "Give minutes": "Вкажіть кількість хвилин",
  "Business hours need a calendar": "Для робочого часу потрібен календар",
  "Give at least one target": "Вкажіть хоча б один термін",
  "Use business or calendar": "Допустимі значення: business або calendar",
  "A clock pauses on pending or on_hold": "Відлік можна зупиняти лише за статусів pending або on_hold",
  "Warn between 1 and 99 percent": "Попередження — від 1 до 99 відсотків терміну",
  "There is no such staff member": "Такого працівника немає",
  "Calendar not found": "Календар не знайдено",
  "The calendar is used by {policies}": "Календар використовують політики: {policies}",
  "There is no such calendar": "Такого календаря немає",
  "SLA policy not found": "Політику SLA не знайдено",
  "Give every policy once, in the new order": "Перелічіть усі політики в новому порядку, кожну по одному разу",
  // packages/core/src/staff/index.ts
  "An email address has at most 254 characters": "Адреса ел. пошти — щонайбільше 254 символи",
  "Enter an email address": "Вкажіть адресу ел. пошти",
  "A name has at most 100 characters": "Ім’я — щонайбільше 100 символів",
  "Use at most {maximum} characters": "Щонайбільше {maximum, plural, one {# символ} few {# символи} many {# символів} other {# символу}}",
  "Use at least {minimum} characters": "Щонайменше {minimum, plural, one {# символ} few {# символи} many {# символів} other {# символу}}",
  "Enter a password": "Вкажіть пароль",
  "Staff member not found": "Працівника не знайдено",
  "Use admin, supervisor, dispatcher or agent": "Допустимі ролі: admin, supervisor, dispatcher або agent",
  "A staff member with this email address already exists": "Працівник із такою адресою ел. пошти вже є",
  "The owner's account exists already": "Обліковий запис власника вже створено",
  "Only the owner grants or takes the owner's role": "Надавати й забирати роль власника може лише власник",
  "Only the owner changes the owner's account": "Змінювати обліковий запис власника може лише сам власник",
  "A workspace must keep an active owner": "У робочому просторі має залишатися активний власник",
  // packages/core/src/staff/invitation.ts
  "Invite as admin, supervisor, dispatcher or agent": "Запросити можна з роллю admin, supervisor, dispatcher або agent",
  "This person is already on the staff": "Ця людина вже в команді",
  "Already on the staff": "Уже в команді",
  "This person has a pending invitation": "Ця людина вже має неприйняте запрошення",
  "Already invited; revoke that invitation to send a new one": "Уже запрошено; щоб надіслати нове запрошення, відкличте попереднє",
  "Invitation not found": "Запрошення не знайдено",
  "This invitation is {status, select, accepted {accepted} revoked {revoked} expired {expired} other {{status}}} already":
    "Це запрошення {status, select, accepted {вже прийнято} revoked {вже відкликано} expired {вже недійсне} other {вже має статус {status}}}",
  "The invitation was answered meanwhile": "Тим часом стан запрошення змінився",
  "This invitation has expired; ask for a new one": "Термін дії цього запрошення минув; попросіть надіслати нове",
  "This invitation was {status, select, accepted {accepted} revoked {revoked} other {{status}}}":
    "Це запрошення {status, select, accepted {вже прийнято} revoked {відкликано} other {має статус {status}}}",
  "This invitation was answered meanwhile": "Тим часом стан цього запрошення змінився",
  // packages/core/src/staff/password-reset.ts
  "Too many password reset requests; try again in {minutes} min": "Забагато запитів на скидання пароля; спробуйте ще раз через {minutes} хв",
  "Password reset link not found": "Посилання для скидання пароля не знайдено",
  "Open the link from the letter": "Відкрийте посилання з листа",
  "This link has expired; ask for a new one": "Термін дії посилання минув; попросіть нове",
  "This link has been used already; ask for a new one": "Це посилання вже використано; попросіть нове",
  "This account is disabled; activate it first": "Цей обліковий запис вимкнено; спершу увімкніть його",
  // packages/core/src/tenant/index.ts (the workspace address)
  "Only the owner changes the workspace's address": "Адресу робочого простору може змінити лише власник",
  "The workspace's address was changed meanwhile; reload and try again": "Адресу робочого простору щойно змінили; оновіть сторінку й спробуйте ще раз",
  // packages/core/src/stream/failure.ts
  "Use parked, retrying or resolved": "Допустимі значення: parked, retrying або resolved",
  "This reaction has run successfully already": "Цю реакцію вже успішно виконано",
  "No reaction is named {name} any more": "Реакції з назвою {name} більше немає",
  "The reaction failed again: {error}": "Реакція знову завершилася помилкою: {error}",
  // packages/core/src/tenant/index.ts
  "This address is reserved; choose another": "Цю адресу зарезервовано; виберіть іншу",
  "Use only Latin letters (a–z), digits and hyphens, with no hyphen at the start or end or two in a row":
    "Можна використовувати лише латинські літери (a–z), цифри й дефіси; дефіс не може стояти на початку, в кінці чи двічі поспіль",
  "Choose a workspace address": "Придумайте адресу робочого простору",
  "Enter the workspace name": "Вкажіть назву робочого простору",
  "This workspace address is taken": "Цю адресу робочого простору вже зайнято",
  "This workspace address is taken; choose another": "Цю адресу робочого простору вже зайнято; виберіть іншу",
  "A select needs options": "Для поля «Вибір зі списку» вкажіть варіанти",
  "Use lowercase letters, digits and underscores, starting with a letter":
    "Використовуйте малі латинські літери, цифри та підкреслення; першим має бути літера",
  "Give the field a label": "Вкажіть підпис поля",
  "Use text, textarea, phone or select": "Допустимі типи: text, textarea, phone або select",
  "Each field needs its own key": "Ключі полів не повинні повторюватися",
  "At most 20 fields": "Щонайбільше 20 полів",
  "Choose a plan": "Виберіть тариф",
  "There is no such plan": "Такого тарифу немає",
  "The {plan} plan has no such add-on": "У тарифі {plan} немає такої додаткової послуги",
  "The {plan} plan includes {seats, plural, one {# staff seat} other {# staff seats}} and {used, plural, one {# is} other {# are}} in use: deactivate staff or revoke invitations first":
    "Тариф {plan} передбачає {seats, plural, one {# місце} few {# місця} many {# місць} other {# місця}} для працівників, а зайнято {used}: спершу деактивуйте працівників або відкличте запрошення",
  // packages/core/src/ticket/create.ts
  "A new ticket is new, open, pending or on_hold": "Нове звернення може мати статус new, open, pending або on_hold",
  "There is no such active staff member": "Такого активного працівника немає",
  "{name} does not work this ticket's department": "{name} не працює у відділі цього звернення",
  "Ticket #{number} exists already": "Звернення №{number} уже існує",
  "number taken": "номер зайнято",
  "id taken": "ідентифікатор зайнято",
  "You do not work this department": "Ви не працюєте в цьому відділі",
  // packages/core/src/ticket/lifecycle.ts
  "This ticket is closed; closed tickets are final (a new message opens a follow-up)":
    "Це звернення закрито, а закриті звернення не змінюються (нове повідомлення відкриє пов’язане звернення)",
  "A ticket cannot be set back to new": "Звернення не можна повернути в статус «Нове»",
  "Solve the ticket before closing it": "Щоб закрити звернення, спершу позначте його вирішеним",
  "A ticket cannot go from {from, select, new {new} open {open} pending {pending} on_hold {on hold} solved {solved} closed {closed} other {{from}}} to {to, select, new {new} open {open} pending {pending} on_hold {on hold} solved {solved} closed {closed} other {{to}}}":
    "Звернення не можна перевести зі статусу «{from, select, new {Нове} open {Відкрито} pending {Очікує відповіді} on_hold {Відкладено} solved {Вирішено} closed {Закрито} other {{from}}}» у статус «{to, select, new {Нове} open {Відкрито} pending {Очікує відповіді} on_hold {Відкладено} solved {Вирішено} closed {Закрито} other {{to}}}»",
  "At most 20 tags": "Щонайбільше 20 міток",
  "Use letters, digits, spaces, hyphens and underscores in tags": "У мітках можна використовувати літери, цифри, пробіли, дефіси й підкреслення",
  "A tag has at most 40 characters": "Мітка — щонайбільше 40 символів",
  "A tag cannot be empty": "Мітка не може бути порожньою",
  // packages/core/src/ticket/link.ts
  "Choose the ticket to link": "Виберіть звернення, яке треба пов’язати",
  "Choose how the tickets are related": "Виберіть, як пов’язані звернення",
  "There is no such ticket": "Такого звернення немає",
  "There is no ticket #{number}": "Звернення №{number} немає",
  "A ticket cannot be linked to itself": "Звернення не можна пов’язати із самим собою",
  "Ticket #{number} is in the trash": "Звернення №{number} у кошику",
  "Ticket #{number} is linked to this one already": "Звернення №{number} уже пов’язане з цим",
  "This ticket has a problem already: an incident has one problem": "Це звернення вже має проблему, а інцидент може мати лише одну проблему",
  "Ticket #{number} has a problem already: an incident has one problem": "Звернення №{number} вже має проблему, а інцидент може мати лише одну проблему",
  "Link not found": "Зв’язок не знайдено",
  // packages/core/src/ticket/merge.ts
  "Choose the ticket to merge into": "Виберіть звернення, з яким треба об’єднати це",
  "This ticket was merged into #{number} already": "Це звернення вже об’єднано з №{number}",
  "Other tickets were merged into this one: merge them into the ticket you choose instead, or undo their merge first": "З цим зверненням уже об’єднано інші: об’єднайте їх безпосередньо з вибраним зверненням або спершу скасуйте їхнє об’єднання",
  "A ticket cannot be merged into itself": "Звернення не можна об’єднати із самим собою",
  "You do not work the department of #{number}": "Ви не працюєте у відділі звернення №{number}",
  "Ticket #{number} was itself merged into #{survivor}": "Звернення №{number} саме вже об’єднано з №{survivor}",
  "Ticket #{number} is another customer's: only one customer's tickets are merged": "Звернення №{number} від іншого клієнта: об’єднувати можна лише звернення одного клієнта",
  "This ticket is not merged into another": "Це звернення не об’єднано з іншим",
  "A merge can be undone within 24 hours only": "Об’єднання можна скасувати лише протягом 24 годин",
  "Ticket #{number} changed while you were merging; try again": "Звернення №{number} змінилося, поки ви об’єднували; спробуйте ще раз",
  // packages/core/src/ticket/queue.ts
  "The department view needs a departmentId": "Для подання «Відділ» потрібен departmentId",
  "Only admins see the trash": "Кошик бачать лише адміністратори",
  "You do not have access to this department": "У вас немає доступу до цього відділу",
  "The mine view is for staff members": "Подання «Мої невирішені» доступне лише працівникам",
  // packages/core/src/ticket/read.ts
  "Message not found": "Повідомлення не знайдено",
  "Attachment not found": "Вкладення не знайдено",
  "HTML not found": "HTML-версію листа не знайдено",
  "This view has changed since this cursor; start from the first page": "Відколи отримано цей курсор, подання змінилося; почніть з першої сторінки",
  // packages/core/src/ticket/receive.ts
  "This mail is on ticket #{number} already": "Цей лист уже додано до звернення №{number}",
  // packages/core/src/ticket/record.ts
  "A subject has at most 200 characters": "Тема — щонайбільше 200 символів",
  "A message has at most {maximum} characters":
    "Повідомлення — щонайбільше {maximum, plural, one {# символ} few {# символи} many {# символів} other {# символу}}",
  "Enter the message": "Напишіть повідомлення",
  "Send the ticket's version you are changing": "Передайте версію звернення, яке ви змінюєте",
  "This ticket no longer exists": "Цього звернення більше не існує",
  "Changed by {name} while you were working": "Поки ви працювали, звернення змінив(-ла) {name}",
  "Ticket #{number} is closed": "Звернення №{number} закрито",
  // packages/core/src/ticket/reply.ts
  "Use open, pending, on_hold or solved": "Допустимі статуси: open, pending, on_hold або solved",
  // packages/core/src/ticket/trash.ts
  "The ticket changed while it was being purged; try again": "Звернення змінилося під час остаточного видалення; спробуйте ще раз",
  // packages/core/src/ticket/update.ts
  "Say why the ticket moves to another department": "Вкажіть, чому звернення переходить до іншого відділу",
  // packages/core/src/ticket/write.ts
  "stale version": "застаріла версія",
  "This entry is in the thread already": "Цей запис уже є в листуванні",
  // functions/src/api/app.ts
  "The request body is larger than 1 MiB": "Тіло запиту перевищує 1 МіБ",
  "Route not found": "Маршрут не знайдено",
  // functions/src/api/auth.ts
  "Use the Authorization header as: Bearer <token>": "Передавайте заголовок Authorization у форматі: Bearer <token>",
  "Missing or wrong CSRF token; reload the page and try again": "CSRF-токен відсутній або неправильний; оновіть сторінку й спробуйте ще раз",
  "This workspace is suspended because its balance ran out: staff can read but not change anything until it is topped up (Admin → Plan and billing).":
    "Робочий простір призупинено, бо баланс вичерпано: працівники можуть переглядати дані, але нічого не можуть змінити, доки баланс не поповнено (Адміністрування → Тариф і оплата).",
  // functions/src/api/body.ts
  "Send the body as JSON (Content-Type: application/json)": "Надсилайте тіло запиту у форматі JSON (Content-Type: application/json)",
  "The body is not valid JSON": "Тіло запиту не є коректним JSON",
  // functions/src/api/errors.ts
  "Bad request": "Неправильний запит",
  "Something went wrong on our side": "На нашому боці сталася помилка",
  // functions/src/api/origin.ts
  "This API answers only through the site's own address": "Цей API відповідає лише на запити через власну адресу сайту",
  // functions/src/api/openapi.ts
  "Item not found": "Об’єкт не знайдено",
  // functions/src/api/request-limit.ts
  "Too many requests; try again in {seconds} s": "Забагато запитів; спробуйте ще раз через {seconds} с",
  // functions/src/api/routes/admin.ts
  "Only the workspace's admins may see this": "Це можуть бачити лише адміністратори робочого простору",
  "Only the workspace's admins read the whole event log": "Увесь журнал подій можуть переглядати лише адміністратори робочого простору",
  // functions/src/api/routes/operator.ts
  "Sign in to the operator console": "Увійдіть у консоль оператора",
  // functions/src/api/routes/tickets.ts
  "A ticket number is a whole number": "Номер звернення — ціле число",
  // packages/core/src/search/index.ts
  "Use a date such as 2026-12-05": "Вкажіть дату у форматі 2026-12-05",
  "The end date is before the start date": "Кінцева дата раніша за початкову",
  "Search for at most 200 characters": "Пошуковий запит — щонайбільше 200 символів",
  "Type something to search for, or choose a filter": "Введіть, що шукати, або виберіть фільтр",
  "Type letters or digits to search for": "Для пошуку введіть літери або цифри",
  // packages/core/src/ticket/bulk.ts, packages/core/src/view/index.ts
  "Name a tag to add or remove": "Вкажіть мітку, яку треба додати або зняти",
  "Give the view a name": "Дайте поданню назву",
  "Only admins share views with the whole workspace": "Ділитися поданнями з усім простором можуть лише адміністратори",
  "Only admins change or delete a shared view": "Спільне подання можуть змінити або видалити лише адміністратори",
  "You keep {limit} views, the most one person may: delete one to save another": "У вас уже {limit} подань — це максимум. Видаліть одне, щоб зберегти нове",
  "View not found": "Подання не знайдено",
};
