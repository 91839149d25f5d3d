import type { Wording } from "./en";

/**
 * What the server writes in Kazakh (Cyrillic script), addressing customers formally ("Сіз"). No case ending is glued
 * to a placeholder (it must agree with the value's last vowel): values follow a colon or a word that carries the ending.
 */
export const kk: Wording = {
  replyMarker: "##- Жауабыңызды осы жолдың үстіне жазыңыз -##",
  via: "{agent} ({workspace})",
  defaultDepartment: "Қолдау қызметі",
  roles: { owner: "иесі", admin: "әкімші", supervisor: "жетекші", dispatcher: "диспетчер", agent: "маман" },
  letters: {
    ticket_received: {
      subject: "[#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

Сәлеметсіз бе, {{ customer.name }}!

Өтінішіңізді қабылдап, оны #{{ ticket.number }} нөмірімен тіркедік. Сізге мүмкіндігінше тез жауап береміз.

Бірдеңе қосқыңыз келсе, осы хатқа жауап жазыңыз.

{{ workspace.name }}`,
    },
    agent_reply: {
      subject: "Re: [#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

{{ message }}

{{ agent.name }}
{{ workspace.name }}
{% if solved %}
Өтінішіңізді шешілді деп санаймыз. Егер әлі де бірдеңе дұрыс болмаса, осы хатқа жауап жазыңыз, біз жұмысты жалғастырамыз.
{% endif %}`,
    },
    ticket_solved: {
      subject: "[#{{ ticket.number }}] Шешілді: {{ ticket.subject }}",
      body: `{{ reply_marker }}

Сәлеметсіз бе, {{ customer.name }}!

#{{ ticket.number }} «{{ ticket.subject }}» өтінішіңізді шешілді деп белгіледік.

Мәселе шешілген болса, басқа ештеңе істеудің қажеті жоқ. Шешілмесе, осы хатқа жауап жазыңыз, сонда өтініш қайта ашылады.

{{ workspace.name }}`,
    },
  },
  sample: { customer: "Айгүл Серікова", subject: "Шот келмеді", message: "Сәлеметсіз бе! Шотты қайта жібердік.", workspace: "Сіздің жұмыс кеңістігіңіз" },
  alert: {
    warning: "SLA ескертуі: {target} мерзімі жақындап қалды",
    breach: "SLA бұзылды: {target} мерзімі өтіп кетті",
    targets: { first_response: "алғашқы жауап", next_response: "келесі жауап", resolution: "шешу" },
    due: "Мерзімі: {at}",
    wasDue: "Мерзімі өтті: {at}",
    open: "Өтінішті ашу",
    noReply: "Бұл автоматты хабарлама; оған жауап бермеңіз.",
  },
  notice: {
    assigned: "{actor} сізге өтініш тағайындады",
    queueNew: "«{department}» бөлімінде жаңа өтініш",
    queueMoved: "«{department}» бөлімінде өтініш күтіп тұр",
    reply: "{customer} сіздің өтінішіңізге жауап берді",
    mention: "{actor} сізді жазбада атап өтті",
    follow: {
      customer: "{actor} сіз бақылайтын өтінішке хат жазды",
      reply: "{actor} сіз бақылайтын өтінішке жауап берді",
      note: "{actor} сіз бақылайтын өтінішке жазба қосты",
      status: "{actor} сіз бақылайтын өтініштің күйін «{status}» етіп өзгертті",
      assign: "{actor} сіз бақылайтын өтінішті {assignee} қызметкеріне тағайындады",
      unassign: "{actor} сіз бақылайтын өтініштің орындаушысын алып тастады",
      redirect: "{actor} сіз бақылайтын өтінішті «{department}» бөліміне жіберді",
    },
    statuses: { new: "Жаңа", open: "Ашық", pending: "Жауап күтуде", on_hold: "Кідіртілді", solved: "Шешілді", closed: "Жабық" },
    at: "Уақыты: {at}",
    open: "Өтінішті ашу",
    settings: "Хабарламаларды баптау: {link}",
    noReply: "Бұл автоматты хабарлама; оған жауап бермеңіз.",
  },
  workspace: {
    invitation: {
      subject: "{inviter} сізді Frontline жүйесіндегі {workspace} кеңістігіне шақырады",
      body: "{inviter} сізді {workspace} кеңістігіне қосылуға шақырады, рөліңіз: {role}.\n\nШақыруды қабылдаңыз (сілтеменің жарамдылық мерзімі: {expires}):\n{link}",
    },
    password_reset: {
      subject: "{workspace}: жаңа құпиясөз",
      body: "{sent, select, admin {{sender} сізге {workspace} кеңістігіндегі {email} тіркелгісіне жаңа құпиясөз орнату сілтемесін жіберді.} other {Біреу (бәлкім, өзіңіз) {workspace} кеңістігіндегі {email} тіркелгісінің құпиясөзін қалпына келтіруді сұрады.}}\n\nЖаңа құпиясөз орнатыңыз (сілтеме бір рет қана жұмыс істейді, {expires} дейін жарамды):\n{link}\n\nКіргенде жұмыс кеңістігінің мына мекенжайын пайдаланыңыз: {slug}. Бұл хатты күтпеген болсаңыз, елемей-ақ қойыңыз: құпиясөзіңіз өзгермейді.",
    },
    low_balance: {
      subject: "{workspace}: баланс {days, plural, one {# күнге} other {# күнге}} жетеді",
      body: "{workspace} балансы: {balance}. Бұл тарифіңіз бойынша шамамен тағы {days, plural, one {# күнге} other {# күнге}} жетеді.\n\nҚолдау қызметі тоқтап қалмауы үшін балансты толықтырыңыз: {link}",
    },
    suspended: {
      subject: "{workspace} жұмысы тоқтатылды: балансты толықтырыңыз",
      body: "{workspace} жұмысы тоқтатылды: баланс {balance}, жеңілдік кезеңі аяқталды. Командаңыз өтініштерді оқи алады, бірақ өзгерте алмайды; клиенттердің хаттары бұрынғыша қабылданып, сақталады.\n\nЖұмысты бірден жалғастыру үшін балансты толықтырыңыз: {link}",
    },
    restored: {
      subject: "{workspace} қайта жұмыс істеп тұр",
      body: "Рахмет: {workspace} балансы — {balance}, жұмыс кеңістігі қайта жұмыс істеп тұр. Осы уақыт ішінде келген хаттар өңделді.\n\n{link}",
    },
  },
};
