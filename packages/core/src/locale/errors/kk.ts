import type { ErrorKey } from "./en";

export const kk: Record<ErrorKey, string> = {
  // packages/core/src/error.ts
  "Sign in to continue": "Жалғастыру үшін жүйеге кіріңіз",
  "You are not allowed to do this": "Бұл әрекетке құқығыңыз жоқ",
  // packages/core/src/validation.ts
  "Required": "Міндетті өріс",
  "Enter a whole number": "Бүтін сан енгізіңіз",
  "Expected {expected, select, string {text} number {a number} boolean {true or false} array {a list} object {an object} other {another kind of value}}":
    "Мұнда {expected, select, string {мәтін} number {сан} boolean {true немесе false} array {тізім} object {объект} other {басқа түрдегі мән}} болуы керек",
  "At least {minimum, plural, one {# character} other {# characters}}": "Кемінде {minimum, plural, one {# таңба} other {# таңба}}",
  "At least {minimum, plural, one {# item} other {# items}}": "Кемінде {minimum, plural, one {# элемент} other {# элемент}}",
  "At least {minimum}": "Кемінде {minimum}",
  "More than {minimum}": "Мәні {minimum} санынан үлкен болуы керек",
  "Too small": "Тым кіші",
  "At most {maximum, plural, one {# character} other {# characters}}": "Ең көбі {maximum, plural, one {# таңба} other {# таңба}}",
  "At most {maximum, plural, one {# item} other {# items}}": "Ең көбі {maximum, plural, one {# элемент} other {# элемент}}",
  "At most {maximum}": "Ең көбі {maximum}",
  "Less than {maximum}": "Мәні {maximum} санынан кіші болуы керек",
  "Too big": "Тым үлкен",
  "Use one of: {values}": "Мына мәндердің бірін қолданыңыз: {values}",
  "Enter a valid email address": "Дұрыс эл. пошта мекенжайын енгізіңіз",
  "Use an ISO 8601 date and time": "Күн мен уақытты ISO 8601 пішімінде көрсетіңіз",
  "Use yyyy-mm-dd": "Күнді жжжж-аа-кк пішімінде көрсетіңіз",
  "Not in the expected format": "Пішімі дұрыс емес",
  "Use a multiple of {divisor}": "Мән {divisor} санына еселі болуы керек",
  "{count, plural, one {Unknown field} other {Unknown fields}}: {keys}": "{count, plural, one {Белгісіз өріс} other {Белгісіз өрістер}}: {keys}",
  "Not one of the accepted forms": "Қабылданатын пішімдердің ешқайсысына сәйкес келмейді",
  "Invalid value": "Мән жарамсыз",
  // packages/core/src/access/index.ts
  "Ticket not found": "Өтініш табылмады",
  "Only dispatchers, supervisors and admins assign tickets to others": "Өтініштерді басқаларға тек диспетчерлер, жетекшілер және әкімшілер тағайындай алады",
  "Only dispatchers, supervisors and admins move tickets to another department":
    "Өтініштерді басқа бөлімге тек диспетчерлер, жетекшілер және әкімшілер ауыстыра алады",
  "Only dispatchers, supervisors and admins delete tickets": "Өтініштерді тек диспетчерлер, жетекшілер және әкімшілер жоя алады",
  "Only admins restore or purge tickets in the trash": "Себеттегі өтініштерді тек әкімшілер қалпына келтіре немесе біржола жоя алады",
  "You are not allowed to change this ticket": "Бұл өтінішті өзгертуге құқығыңыз жоқ",
  "Only the workspace's admins may do this": "Мұны тек жұмыс кеңістігінің әкімшілері істей алады",
  "Only the workspace's owners and admins see its billing": "Төлем деректерін тек жұмыс кеңістігінің иелері мен әкімшілері көреді",
  "Only dispatchers and admins change customers": "Клиенттердің деректерін тек диспетчерлер мен әкімшілер өзгерте алады",
  // packages/core/src/actor/index.ts
  "Staff only": "Тек қызметкерлерге арналған",
  // packages/core/src/auth/index.ts
  "Enter your workspace address": "Жұмыс кеңістігінің мекенжайын енгізіңіз",
  "Enter your password": "Құпиясөзді енгізіңіз",
  "Wrong workspace, email or password": "Жұмыс кеңістігі, эл. пошта немесе құпиясөз қате",
  "This account is disabled; ask your workspace admin": "Бұл есептік жазба өшірілген; жұмыс кеңістігінің әкімшісіне жүгініңіз",
  // packages/core/src/auth/throttle.ts
  "Too many workspaces opened from this address today; try again in {hours} h":
    "Бүгін осы мекенжайдан жұмыс кеңістігі тым көп ашылды; {hours} сағаттан кейін қайталап көріңіз",
  "Too many sign-in attempts; try again in {minutes} min": "Кіру әрекеттері тым көп; {minutes} минуттан кейін қайталап көріңіз",
  // packages/core/src/billing/index.ts
  "Billing account not found": "Төлем шоты табылмады",
  "The billing account exists already": "Төлем шоты бұрыннан бар",
  "already done": "әлдеқашан орындалған",
  "the balance moved": "баланс өзгеріп кетті",
  "The balance kept changing; try again": "Баланс үздіксіз өзгеріп жатыр; қайталап көріңіз",
  "Workspace not found": "Жұмыс кеңістігі табылмады",
  "Give whole minor units": "Соманы бүтін тиынмен көрсетіңіз",
  "Give an amount in minor units (cents)": "Соманы ұсақ бірлікпен (тиынмен, центпен) көрсетіңіз",
  "Give the payment's reference": "Төлем негіздемесін көрсетіңіз",
  "Not zero": "Нөлге тең болмауы керек",
  "Say why": "Себебін көрсетіңіз",
  "Open top-up request not found": "Ашық толықтыру сұрауы табылмады",
  // packages/core/src/counter/index.ts
  "already applied": "әлдеқашан қолданылған",
  // packages/core/src/cursor/index.ts
  "This cursor is not valid for this list; start from the first page": "Бұл курсор осы тізімге жарамсыз; бірінші беттен бастаңыз",
  // packages/core/src/customer/index.ts
  "Enter a phone number: digits, spaces, brackets, hyphens, an optional leading +":
    "Телефон нөмірін енгізіңіз: цифрлар, бос орындар, жақшалар, дефистер, басында + болуы мүмкін",
  "A phone number has at most 40 characters": "Телефон нөмірі 40 таңбадан аспауы керек",
  "Enter the customer's name": "Клиенттің атын енгізіңіз",
  "Give the requester as '{ customerId }', '{ email, name? }' or '{ name, phone }'":
    "Клиентті '{ customerId }', '{ email, name? }' немесе '{ name, phone }' түрінде көрсетіңіз",
  "This email address belongs to another customer": "Бұл эл. пошта мекенжайы басқа клиентке тиесілі",
  "There is no such customer": "Мұндай клиент жоқ",
  "Customer not found": "Клиент табылмады",
  "There is no such organization": "Мұндай ұйым жоқ",
  // packages/core/src/customer/emails.ts, merge.ts
  "Choose one of the languages: English, Russian, Ukrainian, Kazakh, Hungarian": "Тілдердің бірін таңдаңыз: ағылшын, орыс, украин, қазақ, венгр",
  "This customer was changed meanwhile; look again and retry": "Сіз қарап отырғанда клиенттің деректері өзгерді; қайта қарап, әрекетті қайталаңыз",
  "A customer has at most {max} email addresses": "Бір клиентте ең көбі {max} электрондық пошта мекенжайы болады",
  "Email address not found": "Электрондық пошта мекенжайы табылмады",
  "Choose the customer to merge": "Осы клиентпен біріктірілетін клиентті таңдаңыз",
  "Choose another customer than this one": "Осы клиенттің өзін емес, басқа клиентті таңдаңыз",
  "This customer was merged into another already": "Бұл клиент басқа клиентпен біріктіріліп қойған",
  "Together they would have more than {max} email addresses": "Біріктірсе, оларда {max} электрондық пошта мекенжайынан көп болар еді",
  // packages/core/src/customer/organization.ts
  "This is a public mail provider, not a company's domain": "Бұл компанияның домені емес, жалпыға ортақ пошта қызметі",
  "Enter a domain such as example.com": "Доменді енгізіңіз, мысалы example.com",
  "Enter the organization's name": "Ұйымның атауын енгізіңіз",
  "At most 20 domains": "Ең көбі 20 домен",
  "Organization not found": "Ұйым табылмады",
  "The domain {domain} already belongs to another organization": "{domain} домені басқа ұйымға тиесілі",
  "{domain} already belongs to another organization": "Басқа ұйымға тиесілі домен: {domain}",
  // packages/core/src/db/transaction.ts
  "The change could not be saved ({reason})": "Өзгерісті сақтау мүмкін болмады ({reason})",
  "Another change was being saved at the same time; try again": "Дәл осы сәтте басқа өзгеріс сақталып жатты; қайталап көріңіз",
  // packages/core/src/department/index.ts
  "Department not found": "Бөлім табылмады",
  "This workspace has no open department; an admin must create one": "Бұл жұмыс кеңістігінде белсенді бөлім жоқ; әкімші бөлім құруы керек",
  "There is no such department": "Мұндай бөлім жоқ",
  "{name} is archived and takes no tickets": "«{name}» бөлімі мұрағатта, ол өтініш қабылдамайды",
  "The first department exists already": "Алғашқы бөлім бұрыннан бар",
  "Enter the department's name": "Бөлімнің атауын енгізіңіз",
  "A department becomes the default by setting isDefault: true": "Бөлімді негізгі ету үшін isDefault: true мәнін қойыңыз",
  "There is already a department named {name}": "«{name}» атты бөлім бұрыннан бар",
  "Enter the part of the address after +": "Мекенжайдың + белгісінен кейінгі бөлігін жазыңыз",
  "This address is kept for replies to tickets; choose another": "Мұндай мекенжайлар өтінімдерге жауап беруге арналған; басқасын таңдаңыз",
  "{name} already receives mail at this address; choose another": "Бұл мекенжайға «{name}» бөлімі хат алады; басқасын таңдаңыз",
  "The default department cannot be archived; make another one the default first":
    "Негізгі бөлімді мұрағатқа жіберуге болмайды; алдымен басқа бөлімді негізгі етіңіз",
  "An archived department cannot be the default": "Мұрағаттағы бөлім негізгі бола алмайды",
  "The default department cannot be deleted": "Негізгі бөлімді жоюға болмайды",
  "{name} has tickets; archive it instead, so that they keep their department":
    "«{name}» бөлімінде өтініштер бар; оны жоймай, мұрағатқа жіберіңіз, сонда өтініштер өз бөлімінде қалады",
  "At most 500 staff members": "Ең көбі 500 қызметкер",
  // packages/core/src/email/inbound.ts
  "Another attempt took this mail over": "Бұл хатты өңдеуді басқа талпыныс қолға алды",
  // packages/core/src/email/letters.ts
  "Enter a subject": "Тақырыпты енгізіңіз",
  "Enter the letter": "Хат мәтінін енгізіңіз",
  "The template does not parse: {problem}": "Үлгіде синтаксис қатесі бар: {problem}",
  "The template does not render: {problem}": "Үлгіден мәтін құрастыру мүмкін болмады: {problem}",
  // packages/core/src/email/mail.ts
  "Mail not found": "Хат табылмады",
  "Raw message not found": "Хаттың түпнұсқасы табылмады",
  "This mail is being processed": "Бұл хат өңделуде",
  "Only unprocessable, held or stalled mail is processed again; this one is {status, select, ticket_created {ticket created} reply_added {reply added} note_added {note added} ignored {ignored} other {{status}}}":
    "Қайта тек өңделмеген, ұсталған немесе өңдеуі тоқтап қалған хат өңделеді; бұл хаттың күйі: {status, select, ticket_created {өтініш құрылды} reply_added {жауап қосылды} note_added {жазба қосылды} ignored {еленбеді} other {{status}}}",
  "This mail is being processed already": "Бұл хат қазір өңделіп жатыр",
  // packages/core/src/email/outbox.ts
  "This letter is queued already": "Бұл хат кезекке қойылып қойған",
  "Outbox entry not found": "Шығыс хат табылмады",
  "Letter not found": "Хат табылмады",
  "Only a failed, suppressed or stalled letter is sent again; this one is {status, select, sent {sent} other {being sent}}":
    "Қайта тек жеткізілмеген, жіберілмеген немесе тұрып қалған хат жіберіледі; бұл хат {status, select, sent {жіберіліп қойған} other {қазір жіберілуде}}",
  "This letter is being sent again already": "Бұл хат қазір қайта жіберіліп жатыр",
  // packages/core/src/email/stop-list.ts
  "Enter an address (name@example.com) or a domain (example.com)": "Мекенжайды (name@example.com) немесе доменді (example.com) енгізіңіз",
  "Enter an address or a domain": "Мекенжайды немесе доменді енгізіңіз",
  "{value} is already on the stop list": "Стоп-тізімде бұрыннан бар: {value}",
  "Already on the stop list": "Стоп-тізімде бар",
  "Stop list entry not found": "Стоп-тізімдегі жазба табылмады",
  // packages/core/src/event/index.ts
  "The end must be after the start": "Соңы басынан кейін болуы керек",
  "Give the target's type with its id": "Нысанның идентификаторымен бірге түрін де көрсетіңіз",
  "Use an ISO 8601 date and time, e.g. 2026-11-01T00:00:00Z": "Күн мен уақытты ISO 8601 пішімінде көрсетіңіз, мысалы 2026-11-01T00:00:00Z",
  "Use an ISO 8601 date and time, e.g. 2026-11-30T00:00:00Z": "Күн мен уақытты ISO 8601 пішімінде көрсетіңіз, мысалы 2026-11-30T00:00:00Z",
  // packages/core/src/notification/index.ts
  "Notification not found": "Хабарландыру табылмады",
  // packages/core/src/operator/index.ts
  "Wrong email or password": "Эл. пошта немесе құпиясөз қате",
  "Failed reaction not found": "Сәтсіз реакция табылмады",
  // packages/core/src/plan/index.ts
  "Plan not found": "Тариф табылмады",
  "{addOn} is an add-on of the {plan} plan: add it under Plan and billing, or move to Pro":
    "«{addOn}» — {plan} тарифінің қосымшасы: оны «Тариф және төлем» бөлімінде қосыңыз немесе Pro тарифіне ауысыңыз",
  "{feature} is not part of the {plan} plan; the Pro plan has it": "«{feature}» мүмкіндігі {plan} тарифіне кірмейді; ол Pro тарифінде бар",
  "Not negative": "Теріс сан болмауы керек",
  // packages/core/src/plan/limits.ts
  "The {plan} plan includes {seats, plural, one {# staff seat} other {# staff seats}}, and all are taken (yours among them; each pending invitation holds one too). Deactivate someone, revoke an invitation, or move to the Pro plan for more seats.":
    "{plan} тарифіне {seats, plural, one {# қызметкер орны} other {# қызметкер орны}} кіреді, бос орын қалмады (біреуін өзіңіз аласыз, күтудегі әр шақыру да бір орын алады). Қызметкерлердің бірін өшіріңіз, шақыруды қайтарып алыңыз немесе көбірек орын үшін Pro тарифіне ауысыңыз.",
  "The {plan} plan allows {tickets, plural, one {# new ticket} other {# new tickets}} a day (UTC), and today's are used. Replies to existing tickets are not limited. The Pro plan has no daily limit.":
    "{plan} тарифі бойынша күніне (UTC) {tickets, plural, one {# жаңа өтініш} other {# жаңа өтініш}} құруға болады, бүгінгі лимит таусылды. Бар өтініштерге жауап беру шектелмейді. Pro тарифінде күндік шектеу жоқ.",
  // packages/core/src/reply-template/index.ts
  "Give the template a name": "Үлгіге атау беріңіз",
  "Write the reply": "Жауап мәтінін жазыңыз",
  "Reply template not found": "Жауап үлгісі табылмады",
  // packages/core/src/sla/calendar.ts
  "Use HH:mm, e.g. 09:00": "СС:мм пішімінде жазыңыз, мысалы 09:00",
  "Use HH:mm, e.g. 18:00 (24:00 for midnight)": "СС:мм пішімінде жазыңыз, мысалы 18:00 (түн ортасы — 24:00)",
  "Use an IANA time zone such as Europe/Kyiv": "IANA уақыт белдеуін көрсетіңіз, мысалы Asia/Almaty",
  "At most 6 intervals a day": "Күніне ең көбі 6 аралық",
  "At most 400 holidays": "Ең көбі 400 мереке күні",
  "Intervals of a day must not overlap": "Бір күннің аралықтары қиылыспауы керек",
  "Give at least one working interval": "Кемінде бір жұмыс аралығын көрсетіңіз",
  // packages/core/src/sla/index.ts
  "Give it a name": "Атау беріңіз",
  "Enter a name": "Атын енгізіңіз",
  "Use notify_assignee, notify_supervisors, notify_staff, raise_priority or reassign":
    "Мына әрекеттердің бірін қолданыңыз: notify_assignee, notify_supervisors, notify_staff, raise_priority немесе reassign",
  "Name at least one staff member": "Кемінде бір қызметкерді көрсетіңіз",
  "Reassign to a department, a person, or both": "Қайта тағайындау үшін бөлімді, қызметкерді немесе екеуін де көрсетіңіз",
  "Use warning or breach": "Оқиғаны көрсетіңіз: warning немесе breach",
  "Give at least one action": "Кемінде бір әрекет көрсетіңіз",
  "At most a year": "Ең көбі бір жыл",
  "At least 1 minute": "Кемінде 1 минут",
  "Give whole minutes": "Бүтін минут санын көрсетіңіз",
  "Give minutes": "Минут санын көрсетіңіз",
  "Business hours need a calendar": "Жұмыс уақыты үшін күнтізбе қажет",
  "Give at least one target": "Кемінде бір мерзім көрсетіңіз",
  "Use business or calendar": "Уақыт түрін көрсетіңіз: business немесе calendar",
  "A clock pauses on pending or on_hold": "Санау тек pending немесе on_hold күйінде тоқтатылады",
  "Warn between 1 and 99 percent": "Ескерту сәті 1-ден 99 пайызға дейін болуы керек",
  "There is no such staff member": "Мұндай қызметкер жоқ",
  "Calendar not found": "Күнтізбе табылмады",
  "The calendar is used by {policies}": "Күнтізбені мына саясаттар пайдаланады: {policies}",
  "There is no such calendar": "Мұндай күнтізбе жоқ",
  "SLA policy not found": "SLA саясаты табылмады",
  "Give every policy once, in the new order": "Барлық саясатты жаңа ретімен, әрқайсысын бір реттен көрсетіңіз",
  // packages/core/src/staff/index.ts
  "An email address has at most 254 characters": "Эл. пошта мекенжайы 254 таңбадан аспауы керек",
  "Enter an email address": "Эл. пошта мекенжайын енгізіңіз",
  "A name has at most 100 characters": "Аты 100 таңбадан аспауы керек",
  "Use at most {maximum} characters": "Ең көбі {maximum} таңба",
  "Use at least {minimum} characters": "Кемінде {minimum} таңба",
  "Enter a password": "Құпиясөз енгізіңіз",
  "Staff member not found": "Қызметкер табылмады",
  "Use admin, supervisor, dispatcher or agent": "Рөлді көрсетіңіз: admin, supervisor, dispatcher немесе agent",
  "A staff member with this email address already exists": "Бұл эл. пошта мекенжайымен қызметкер тіркелген",
  "The owner's account exists already": "Иесінің есептік жазбасы бұрыннан бар",
  "Only the owner grants or takes the owner's role": "Иесі рөлін тек жұмыс кеңістігінің иесі бере немесе қайтарып ала алады",
  "Only the owner changes the owner's account": "Иесінің есептік жазбасын тек иесінің өзі өзгерте алады",
  "A workspace must keep an active owner": "Жұмыс кеңістігінің кемінде бір белсенді иесі болуы керек",
  // packages/core/src/staff/invitation.ts
  "Invite as admin, supervisor, dispatcher or agent": "Шақырылатын рөлді көрсетіңіз: admin, supervisor, dispatcher немесе agent",
  "This person is already on the staff": "Бұл адам командада бар",
  "Already on the staff": "Командада бар",
  "This person has a pending invitation": "Бұл адамға шақыру жіберілген, ол әлі қабылданбаған",
  "Already invited; revoke that invitation to send a new one": "Шақыру жіберілген; жаңасын жіберу үшін алдыңғысын қайтарып алыңыз",
  "Invitation not found": "Шақыру табылмады",
  "This invitation is {status, select, accepted {accepted} revoked {revoked} expired {expired} other {{status}}} already":
    "{status, select, accepted {Бұл шақыру қабылданып қойған} revoked {Бұл шақыру қайтарып алынған} expired {Бұл шақырудың мерзімі өтіп кеткен} other {Бұл шақырудың күйі: {status}}}",
  "The invitation was answered meanwhile": "Осы аралықта шақыруға жауап берілді",
  "This invitation has expired; ask for a new one": "Бұл шақырудың мерзімі өтті; жаңасын сұраңыз",
  "This invitation was {status, select, accepted {accepted} revoked {revoked} other {{status}}}":
    "{status, select, accepted {Бұл шақыру қабылданған} revoked {Бұл шақыру қайтарып алынған} other {Бұл шақырудың күйі: {status}}}",
  "This invitation was answered meanwhile": "Осы аралықта бұл шақыруға жауап берілді",
  // packages/core/src/staff/password-reset.ts
  "Too many password reset requests; try again in {minutes} min": "Құпиясөзді қалпына келтіру сұраулары тым көп; {minutes} минуттан кейін қайталап көріңіз",
  "Password reset link not found": "Құпиясөзді қалпына келтіру сілтемесі табылмады",
  "Open the link from the letter": "Хаттағы сілтемені ашыңыз",
  "This link has expired; ask for a new one": "Сілтеменің мерзімі өтті; жаңасын сұраңыз",
  "This link has been used already; ask for a new one": "Бұл сілтеме пайдаланылып қойған; жаңасын сұраңыз",
  "This account is disabled; activate it first": "Бұл тіркелгі өшірілген; алдымен оны қосыңыз",
  // packages/core/src/tenant/index.ts (the workspace address)
  "Only the owner changes the workspace's address": "Жұмыс кеңістігінің мекенжайын тек иесі өзгерте алады",
  "The workspace's address was changed meanwhile; reload and try again": "Жұмыс кеңістігінің мекенжайы жаңа ғана өзгертілді; бетті жаңартып, қайталап көріңіз",
  // packages/core/src/stream/failure.ts
  "Use parked, retrying or resolved": "Күйді көрсетіңіз: parked, retrying немесе resolved",
  "This reaction has run successfully already": "Бұл реакция сәтті орындалып қойған",
  "No reaction is named {name} any more": "«{name}» атты реакция енді жоқ",
  "The reaction failed again: {error}": "Реакция тағы да сәтсіз аяқталды: {error}",
  // packages/core/src/tenant/index.ts
  "This address is reserved; choose another": "Бұл мекенжай брондалған; басқасын таңдаңыз",
  "Use only Latin letters (a–z), digits and hyphens, with no hyphen at the start or end or two in a row":
    "Тек латын әріптерін (a–z), цифрларды және дефисті қолдануға болады; дефис басында, соңында немесе қатарынан екі рет тұрмауы керек",
  "Choose a workspace address": "Жұмыс кеңістігінің мекенжайын таңдаңыз",
  "Enter the workspace name": "Жұмыс кеңістігінің атауын енгізіңіз",
  "This workspace address is taken": "Жұмыс кеңістігінің бұл мекенжайы бос емес",
  "This workspace address is taken; choose another": "Жұмыс кеңістігінің бұл мекенжайы бос емес; басқасын таңдаңыз",
  "A select needs options": "Тізімнен таңдау өрісіне нұсқалар қажет",
  "Use lowercase letters, digits and underscores, starting with a letter": "Кіші латын әріптерін, цифрларды және астыңғы сызықты қолданыңыз; бірінші таңба әріп болуы керек",
  "Give the field a label": "Өріске атау беріңіз",
  "Use text, textarea, phone or select": "Өріс түрін көрсетіңіз: text, textarea, phone немесе select",
  "Each field needs its own key": "Өрістердің кілттері қайталанбауы керек",
  "At most 20 fields": "Ең көбі 20 өріс",
  "Choose a plan": "Тарифті таңдаңыз",
  "There is no such plan": "Мұндай тариф жоқ",
  "The {plan} plan has no such add-on": "{plan} тарифінде мұндай қосымша жоқ",
  "The {plan} plan includes {seats, plural, one {# staff seat} other {# staff seats}} and {used, plural, one {# is} other {# are}} in use: deactivate staff or revoke invitations first":
    "{plan} тарифінде {seats, plural, one {# қызметкер орны} other {# қызметкер орны}} бар, ал қазір {used, plural, one {# орын} other {# орын}} пайдаланылуда: алдымен қызметкерлерді өшіріңіз немесе шақыруларды қайтарып алыңыз",
  // packages/core/src/ticket/create.ts
  "A new ticket is new, open, pending or on_hold": "Жаңа өтініштің күйі new, open, pending немесе on_hold болуы керек",
  "There is no such active staff member": "Мұндай белсенді қызметкер жоқ",
  "{name} does not work this ticket's department": "{name} бұл өтініштің бөлімінде жұмыс істемейді",
  "Ticket #{number} exists already": "№{number} өтініш бұрыннан бар",
  "number taken": "нөмір бос емес",
  "id taken": "идентификатор бос емес",
  "You do not work this department": "Сіз бұл бөлімде жұмыс істемейсіз",
  // packages/core/src/ticket/lifecycle.ts
  "This ticket is closed; closed tickets are final (a new message opens a follow-up)":
    "Бұл өтініш жабық; жабық өтініш өзгертілмейді (жаңа хабарлама оның жалғасы ретінде жаңа өтініш ашады)",
  "A ticket cannot be set back to new": "Өтінішті «Жаңа» күйіне қайтаруға болмайды",
  "Solve the ticket before closing it": "Өтінішті жаппас бұрын оны шешіңіз",
  "A ticket cannot go from {from, select, new {new} open {open} pending {pending} on_hold {on hold} solved {solved} closed {closed} other {{from}}} to {to, select, new {new} open {open} pending {pending} on_hold {on hold} solved {solved} closed {closed} other {{to}}}":
    "Өтінішті «{from, select, new {Жаңа} open {Ашық} pending {Жауап күтуде} on_hold {Кідіртілді} solved {Шешілді} closed {Жабық} other {{from}}}» күйінен «{to, select, new {Жаңа} open {Ашық} pending {Жауап күтуде} on_hold {Кідіртілді} solved {Шешілді} closed {Жабық} other {{to}}}» күйіне ауыстыруға болмайды",
  "At most 20 tags": "Ең көбі 20 белгі",
  "Use letters, digits, spaces, hyphens and underscores in tags": "Белгілерде әріптерді, цифрларды, бос орындарды, дефистерді және астыңғы сызықты қолданыңыз",
  "A tag has at most 40 characters": "Белгі 40 таңбадан аспауы керек",
  "A tag cannot be empty": "Белгі бос болмауы керек",
  // packages/core/src/ticket/link.ts
  "Choose the ticket to link": "Байланыстыратын өтінішті таңдаңыз",
  "Choose how the tickets are related": "Өтініштердің қалай байланысты екенін таңдаңыз",
  "There is no such ticket": "Мұндай өтініш жоқ",
  "There is no ticket #{number}": "№{number} өтініш жоқ",
  "A ticket cannot be linked to itself": "Өтінішті өзімен байланыстыруға болмайды",
  "Ticket #{number} is in the trash": "№{number} өтініш себетте",
  "Ticket #{number} is linked to this one already": "№{number} өтініш осы өтінішпен бұрыннан байланыстырылған",
  "This ticket has a problem already: an incident has one problem": "Бұл өтініштің проблемасы бар, ал инциденттің проблемасы біреу ғана болады",
  "Ticket #{number} has a problem already: an incident has one problem": "№{number} өтініштің проблемасы бар, ал инциденттің проблемасы біреу ғана болады",
  "Link not found": "Байланыс табылмады",
  // packages/core/src/ticket/merge.ts
  "Choose the ticket to merge into": "Бұл өтініш қай өтінішке біріктірілетінін таңдаңыз",
  "This ticket was merged into #{number} already": "Бұл өтініш №{number} өтінішке біріктіріліп қойған",
  "Other tickets were merged into this one: merge them into the ticket you choose instead, or undo their merge first": "Бұл өтінішке басқа өтініштер біріктірілген: оларды таңдаған өтінішке тікелей біріктіріңіз немесе алдымен олардың біріктірілуін болдырмаңыз",
  "A ticket cannot be merged into itself": "Өтінішті өзіне біріктіруге болмайды",
  "You do not work the department of #{number}": "Сіз №{number} өтініштің бөлімінде жұмыс істемейсіз",
  "Ticket #{number} was itself merged into #{survivor}": "№{number} өтініштің өзі №{survivor} өтінішке біріктірілген",
  "Ticket #{number} is another customer's: only one customer's tickets are merged": "№{number} өтініш басқа клиенттікі: бір клиенттің өтініштерін ғана біріктіруге болады",
  "This ticket is not merged into another": "Бұл өтініш басқа өтінішке біріктірілмеген",
  "A merge can be undone within 24 hours only": "Біріктіруді тек 24 сағат ішінде болдырмауға болады",
  "Ticket #{number} changed while you were merging; try again": "Сіз біріктіріп жатқанда №{number} өтініш өзгерді; қайталап көріңіз",
  // packages/core/src/ticket/queue.ts
  "The department view needs a departmentId": "Бөлім тізімі үшін departmentId қажет",
  "Only admins see the trash": "Себетті тек әкімшілер көреді",
  "You do not have access to this department": "Бұл бөлімге қолжетімділігіңіз жоқ",
  "The mine view is for staff members": "«Менің шешілмегендерім» тізімі тек қызметкерлерге арналған",
  // packages/core/src/ticket/read.ts
  "Message not found": "Хабарлама табылмады",
  "Attachment not found": "Тіркеме табылмады",
  "HTML not found": "Хаттың HTML нұсқасы табылмады",
  "This view has changed since this cursor; start from the first page": "Бұл курсор алынғаннан бері тізім өзгерді; бірінші беттен бастаңыз",
  // packages/core/src/ticket/receive.ts
  "This mail is on ticket #{number} already": "Бұл хат №{number} өтінішке қосылып қойған",
  // packages/core/src/ticket/record.ts
  "A subject has at most 200 characters": "Тақырып 200 таңбадан аспауы керек",
  "A message has at most {maximum} characters": "Хабарлама {maximum} таңбадан аспауы керек",
  "Enter the message": "Хабарламаны енгізіңіз",
  "Send the ticket's version you are changing": "Өзгертіп жатқан өтініштің нұсқасын жіберіңіз",
  "This ticket no longer exists": "Бұл өтініш енді жоқ",
  "Changed by {name} while you were working": "Сіз жұмыс істеп жатқанда өтінішті {name} өзгертті",
  "Ticket #{number} is closed": "№{number} өтініш жабық",
  // packages/core/src/ticket/reply.ts
  "Use open, pending, on_hold or solved": "Күйді көрсетіңіз: open, pending, on_hold немесе solved",
  // packages/core/src/ticket/trash.ts
  "The ticket changed while it was being purged; try again": "Өтініш біржола жойылып жатқанда өзгерді; қайталап көріңіз",
  // packages/core/src/ticket/update.ts
  "Say why the ticket moves to another department": "Өтініш неге басқа бөлімге өтетінін көрсетіңіз",
  // packages/core/src/ticket/write.ts
  "stale version": "ескірген нұсқа",
  "This entry is in the thread already": "Бұл жазба хат алмасуда бұрыннан бар",
  // functions/src/api/app.ts
  "The request body is larger than 1 MiB": "Сұрау денесі 1 MiB көлемінен асады",
  "Route not found": "Маршрут табылмады",
  // functions/src/api/auth.ts
  "Use the Authorization header as: Bearer <token>": "Authorization тақырыбын мына түрде беріңіз: Bearer <token>",
  "Missing or wrong CSRF token; reload the page and try again": "CSRF токені жоқ немесе қате; бетті қайта жүктеп, қайталап көріңіз",
  "This workspace is suspended because its balance ran out: staff can read but not change anything until it is topped up (Admin → Plan and billing).":
    "Баланс таусылғандықтан, жұмыс кеңістігінің жұмысы тоқтатылды: баланс толықтырылғанша қызметкерлер деректерді оқи алады, бірақ ештеңені өзгерте алмайды (Әкімшілік → Тариф және төлем).",
  // functions/src/api/body.ts
  "Send the body as JSON (Content-Type: application/json)": "Сұрау денесін JSON түрінде жіберіңіз (Content-Type: application/json)",
  "The body is not valid JSON": "Сұрау денесі жарамды JSON емес",
  // functions/src/api/errors.ts
  "Bad request": "Қате сұрау",
  "Something went wrong on our side": "Біз жақта қате орын алды",
  // functions/src/api/origin.ts
  "This API answers only through the site's own address": "Бұл API тек сайттың өз мекенжайы арқылы жауап береді",
  // functions/src/api/openapi.ts
  "Item not found": "Сұралған нысан табылмады",
  // functions/src/api/request-limit.ts
  "Too many requests; try again in {seconds} s": "Сұраулар тым көп; {seconds} секундтан кейін қайталап көріңіз",
  // functions/src/api/routes/admin.ts
  "Only the workspace's admins may see this": "Мұны тек жұмыс кеңістігінің әкімшілері көре алады",
  "Only the workspace's admins read the whole event log": "Оқиғалар журналын толығымен тек жұмыс кеңістігінің әкімшілері көре алады",
  // functions/src/api/routes/operator.ts
  "Sign in to the operator console": "Оператор консоліне кіріңіз",
  // functions/src/api/routes/tickets.ts
  "A ticket number is a whole number": "Өтініш нөмірі — бүтін сан",
  // packages/core/src/search/index.ts
  "Use a date such as 2026-12-05": "Күнді 2026-12-05 түрінде жазыңыз",
  "The end date is before the start date": "Аяқталу күні басталу күнінен ерте",
  "Search for at most 200 characters": "Іздеу сұрауы 200 таңбадан аспауы керек",
  "Type something to search for, or choose a filter": "Не іздейтініңізді жазыңыз немесе сүзгі таңдаңыз",
  "Type letters or digits to search for": "Іздеу үшін әріп немесе сан жазыңыз",
  // packages/core/src/ticket/bulk.ts, packages/core/src/view/index.ts
  "Name a tag to add or remove": "Қосатын не алып тастайтын белгіні көрсетіңіз",
  "Give the view a name": "Көрініске атау беріңіз",
  "Only admins share views with the whole workspace": "Көріністерді бүкіл жұмыс кеңістігімен тек әкімшілер бөлісе алады",
  "Only admins change or delete a shared view": "Ортақ көріністі тек әкімшілер өзгерте не жоя алады",
  "You keep {limit} views, the most one person may: delete one to save another": "Сізде {limit} көрініс бар, бұл — ең көбі. Жаңасын сақтау үшін біреуін жойыңыз",
  "View not found": "Көрініс табылмады",
};
