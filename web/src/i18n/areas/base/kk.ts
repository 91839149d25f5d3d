import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/**
 * The strings of what every page of the console shows: its frame and navigation, roles, common words, the words of a
 * ticket's fields, notifications, shortcuts, errors, and the workspace's standing (the banner when its balance runs
 * low), in Kazakh.
 */
const strings: Strings = {
  app: {
    name: "Frontline",
    loading: "Жүктелуде…",
    skipToContent: "Мазмұнға өту",
  },
  locale: {
    label: "Тіл",
    en: "English",
    ru: "Русский",
    uk: "Українська",
    kk: "Қазақша",
    hu: "Magyar",
  },
  nav: {
    label: "Негізгі",
    tickets: "Өтініштер",
    customers: "Клиенттер",
    admin: "Әкімшілік",
    workspace: "Жұмыс кеңістігі",
    signedInAs: template<{ name: string; role: string }>("{name} ({role}) ретінде кірдіңіз"),
    signOut: "Шығу",
    signingOut: "Шығуда…",
    unassignedCount: template<{ count: number }>("Орындаушысыз: {count}"),
  },
  searchBox: {
    label: "Өтініштерден іздеу",
    placeholder: "Іздеу…",
  },
  roles: {
    owner: "Иесі",
    admin: "Әкімші",
    supervisor: "Жетекші",
    dispatcher: "Диспетчер",
    agent: "Маман",
  },
  common: {
    cancel: "Бас тарту",
    save: "Сақтау",
    saving: "Сақталуда…",
    close: "Жабу",
    dismiss: "Жасыру",
    loadMore: "Тағы көрсету",
    loadingMore: "Жүктелуде…",
    none: "—",
    you: "сіз",
    me: template<{ name: string }>("{name} (мен)"),
    copy: "Көшіру",
    copied: "Көшірілді",
    copyFailed: "Көшіру мүмкін болмады; мекенжайды белгілеп, өзіңіз көшіріңіз",
  },
  vocab: {
    status: {
      new: "Жаңа",
      open: "Ашық",
      pending: "Жауап күтуде",
      on_hold: "Кідіртілді",
      solved: "Шешілді",
      closed: "Жабық",
    },
    priority: {
      low: "Төмен",
      normal: "Қалыпты",
      high: "Жоғары",
      urgent: "Шұғыл",
    },
    level: {
      low: "Төмен",
      medium: "Орташа",
      high: "Жоғары",
    },
    type: {
      incident: "Ақау",
      service_request: "Қызмет сұрауы",
      information_request: "Сұрақ",
      documentation_request: "Құжат сұрауы",
      change_request: "Өзгерту сұрауы",
    },
    origin: {
      phone: "Телефон",
      in_person: "Жеке келу",
      chat: "Чат",
      other: "Басқа",
    },
    received: {
      phone: "Телефон арқылы",
      in_person: "Жеке келіп",
      chat: "Чат арқылы",
      other: "Қызметкер тіркеген",
    },
    channel: {
      agent: "Қызметкер тіркеген",
      email: "Пошта арқылы келген",
      portal: "Клиент порталынан",
      api: "API арқылы",
    },
  },
  notifications: {
    button: "Хабарландырулар",
    buttonUnread: template<{ count: number }>("Хабарландырулар, оқылмағаны: {count}"),
    title: "Хабарландырулар",
    markAllRead: "Бәрін оқылды деп белгілеу",
    markRead: "Оқылды деп белгілеу",
    empty: "Хабарландырулар әзірге жоқ.",
    failed: "Хабарландыруларды жүктеу мүмкін болмады.",
  },
  shortcuts: {
    title: "Пернелер тіркесімдері",
    button: "Пернелер тіркесімдері",
    then: "содан соң",
    groups: {
      anywhere: "Кез келген жерде",
      queue: "Өтініштер тізімі",
      ticket: "Өтініш",
    },
    help: "Осы анықтаманы көрсету",
    goQueue: "Өтініштер тізіміне өту",
    search: "Іздеу жолына өту",
    next: "Келесі өтініш",
    previous: "Алдыңғы өтініш",
    open: "Таңдалған өтінішті ашу",
    toggleSelect: "Өтінішті топтық әрекетке белгілеу не белгіні алу",
    reply: "Жауап жазу",
    note: "Ішкі жазба жазу",
    send: "Хабарламаны жіберу",
    take: "Өтінішті өзіне алу",
    status: "Күйін өзгерту",
    back: "Тізімге оралу (немесе өрістен шығу)",
  },
  adminsOnly: {
    title: "Тек әкімшілерге арналған",
    text: "Әкімшілік панелінің бұл бөлігі тек жұмыс кеңістігінің иелері мен әкімшілеріне арналған. Мұнда бірдеңені өзгерту керек болса, солардың біріне жүгініңіз.",
    back: "Өтініштерге оралу",
  },
  notFound: {
    title: "Бет табылмады",
    text: "Бұл мекенжай бойынша ештеңе жоқ.",
    back: "Жұмыс кеңістігіне өту",
  },
  errors: {
    title: "Бірдеңе дұрыс болмады",
    network: "Frontline жүйесімен байланыс жоқ. Қосылымды тексеріп, қайталап көріңіз.",
    internal: template<{ requestId: string }>("Біз жақта қате орын алды. Сұрау коды: {requestId}"),
    retry: "Қайталау",
  },
  issues: {
    signup: {
      workspaceName: {
        too_small: "Кемінде 2 таңба",
        too_big: "Ең көбі 80 таңба",
      },
      slug: {
        taken: "Бұл мекенжай бос емес; басқасын таңдаңыз",
        too_small: "Кемінде 3 таңба",
        too_big: "Ең көбі 40 таңба",
        invalid_format: "Тек латын әріптерін (a–z), цифрларды және дефисті қолдануға болады; дефис басында, соңында немесе қатарынан екі рет тұрмауы керек",
        custom: "Бұл мекенжай брондалған; басқасын таңдаңыз",
      },
      ownerName: {
        too_small: "Атыңызды енгізіңіз",
        too_big: "Аты 100 таңбадан аспауы керек",
      },
      email: {
        invalid_format: "Дұрыс эл. пошта мекенжайын енгізіңіз",
        too_big: "Эл. пошта мекенжайы 254 таңбадан аспауы керек",
      },
      password: {
        too_small: "Кемінде 10 таңба",
        too_big: "Ең көбі 256 таңба",
      },
    },
    newTicket: {
      subject: {
        too_small: "Тақырыпты енгізіңіз",
        too_big: "Тақырып 200 таңбадан аспауы керек",
      },
      body: {
        too_small: "Өтінішті сипаттаңыз",
      },
      requester: {
        invalid_union: "Клиентті таңдаңыз немесе жаңасын эл. поштасы не аты мен телефоны арқылы қосыңыз",
        email: {
          invalid_format: "Дұрыс эл. пошта мекенжайын енгізіңіз",
        },
        name: {
          too_small: "Клиенттің атын енгізіңіз",
        },
        phone: {
          invalid_format: "Телефон нөмірін енгізіңіз: цифрлар, бос орындар, жақшалар, дефистер, басында + болуы мүмкін",
        },
      },
    },
    department: {
      name: {
        too_small: "Бөлімнің атауын енгізіңіз",
        too_big: "Ең көбі 60 таңба",
      },
    },
    stopList: {
      value: {
        taken: "Стоп-тізімде бар",
        invalid_format: "Мекенжайды (name@example.com) немесе доменді (example.com) енгізіңіз",
      },
      note: {
        too_big: "Ең көбі 200 таңба",
      },
    },
    letter: {
      subject: {
        too_small: "Тақырыпты енгізіңіз",
        too_big: "Ең көбі 300 таңба",
      },
      body: {
        too_small: "Хат мәтінін енгізіңіз",
        too_big: "Ең көбі 20 000 таңба",
      },
    },
    calendar: {
      name: {
        too_small: "Атауын енгізіңіз",
        too_big: "Ең көбі 80 таңба",
      },
    },
    policy: {
      name: {
        too_small: "Атауын енгізіңіз",
        too_big: "Ең көбі 80 таңба",
      },
    },
    settings: {
      name: {
        too_small: "Кемінде 2 таңба",
        too_big: "Ең көбі 80 таңба",
      },
    },
    invite: {
      email: {
        taken: "Бұл адам командада бар",
        pending: "Шақыру жіберілген; жаңасын жіберу үшін алдыңғысын қайтарып алыңыз",
        invalid_format: "Дұрыс эл. пошта мекенжайын енгізіңіз",
      },
    },
    acceptInvitation: {
      name: {
        too_small: "Атыңызды енгізіңіз",
        too_big: "Аты 100 таңбадан аспауы керек",
      },
      password: {
        too_small: "Кемінде 10 таңба",
        too_big: "Ең көбі 256 таңба",
      },
    },
    replyTemplate: {
      name: {
        too_small: "Үлгіге атау беріңіз",
        too_big: "Ең көбі 80 таңба",
      },
      body: {
        too_small: "Жауап мәтінін жазыңыз",
        too_big: "Ең көбі 20 000 таңба",
      },
    },
    topUp: {
      amountMinor: {
        too_small: "Нөлден үлкен соманы енгізіңіз",
        too_big: "Сома тым үлкен",
      },
      note: {
        too_big: "Ең көбі 500 таңба",
      },
    },
    login: {
      slug: {
        too_small: "Жұмыс кеңістігінің мекенжайын енгізіңіз",
      },
      email: {
        invalid_format: "Дұрыс эл. пошта мекенжайын енгізіңіз",
      },
      password: {
        too_small: "Құпиясөзді енгізіңіз",
      },
    },
  },
  standing: {
    suspendedTitle: "Жұмыс кеңістігінің жұмысы тоқтатылды",
    suspended: "Баланс таусылды: бәрі бұрынғыша оқи алады, бірақ баланс толықтырылмайынша ештеңені өзгертуге болмайды. Пошта бұрынғыша қабылданып, сақталады.",
    graceTitle: "Баланс нөлден төмен",
    grace: template<{ date: string }>("Баланс толықтырылмаса, жұмыс кеңістігінің жұмысы тоқтатылады. Тоқтатылу күні: {date}."),
    lowTitle: "Баланс азайып барады",
    topUp: "Толықтыру",
    askAdmin: "Әкімшіден балансты толықтыруды сұраңыз.",
    coversDays: template<{ days: number }>("Ағымдағы баға бойынша шамамен {days, plural, one {# күнге} other {# күнге}} жетеді"),
  },
};

export default strings;
