import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/**
 * The strings of what every page of the console shows: its frame and navigation, roles, common words, the words of a
 * ticket's fields, notifications, shortcuts, errors, and the workspace's standing (the banner when its balance runs
 * low), in Ukrainian.
 */
const strings: Strings = {
  app: {
    name: "Frontline",
    loading: "Завантаження…",
    skipToContent: "Перейти до вмісту",
  },
  locale: {
    label: "Мова",
    en: "English",
    ru: "Русский",
    uk: "Українська",
    kk: "Қазақша",
    hu: "Magyar",
  },
  nav: {
    label: "Основна",
    tickets: "Звернення",
    customers: "Клієнти",
    admin: "Адміністрування",
    workspace: "Робочий простір",
    signedInAs: template<{ name: string; role: string }>("Ви увійшли як {name}, {role}"),
    signOut: "Вийти",
    signingOut: "Вихід…",
    unassignedCount: template<{ count: number }>("Без виконавця: {count}"),
  },
  searchBox: {
    label: "Пошук у зверненнях",
    placeholder: "Пошук…",
  },
  roles: {
    owner: "Власник",
    admin: "Адміністратор",
    supervisor: "Керівник",
    dispatcher: "Диспетчер",
    agent: "Фахівець",
  },
  common: {
    cancel: "Скасувати",
    save: "Зберегти",
    saving: "Збереження…",
    close: "Закрити",
    dismiss: "Сховати",
    loadMore: "Показати ще",
    loadingMore: "Завантаження…",
    none: "—",
    you: "ви",
    me: template<{ name: string }>("{name} (я)"),
    copy: "Копіювати",
    copied: "Скопійовано",
    copyFailed: "Не вдалося скопіювати: виділіть адресу й скопіюйте її вручну",
  },
  vocab: {
    status: {
      new: "Нове",
      open: "Відкрито",
      pending: "Очікує відповіді",
      on_hold: "Відкладено",
      solved: "Вирішено",
      closed: "Закрито",
    },
    priority: {
      low: "Низький",
      normal: "Звичайний",
      high: "Високий",
      urgent: "Терміновий",
    },
    level: {
      low: "Низький",
      medium: "Середній",
      high: "Високий",
    },
    type: {
      incident: "Інцидент",
      service_request: "Запит на обслуговування",
      information_request: "Консультація",
      documentation_request: "Запит документів",
      change_request: "Запит на зміну",
    },
    origin: {
      phone: "Телефон",
      in_person: "Особисто",
      chat: "Чат",
      other: "Інше",
    },
    received: {
      phone: "Телефоном",
      in_person: "Особисто",
      chat: "Через чат",
      other: "Зареєстрував працівник",
    },
    channel: {
      agent: "Зареєстрував працівник",
      email: "Отримано ел. поштою",
      portal: "З клієнтського порталу",
      api: "Через API",
    },
  },
  notifications: {
    button: "Сповіщення",
    buttonUnread: template<{ count: number }>("Сповіщення, непрочитаних: {count}"),
    title: "Сповіщення",
    markAllRead: "Прочитати всі",
    markRead: "Позначити прочитаним",
    empty: "Сповіщень поки немає.",
    failed: "Не вдалося завантажити сповіщення.",
  },
  shortcuts: {
    title: "Гарячі клавіші",
    button: "Гарячі клавіші",
    then: "потім",
    groups: {
      anywhere: "Усюди",
      queue: "Список звернень",
      ticket: "Звернення",
    },
    help: "Показати цю довідку",
    goQueue: "Перейти до списку звернень",
    search: "Перейти до пошуку",
    next: "Наступне звернення",
    previous: "Попереднє звернення",
    open: "Відкрити вибране звернення",
    toggleSelect: "Позначити звернення для дій з вибраними або зняти позначку",
    reply: "Написати відповідь",
    note: "Написати внутрішню нотатку",
    send: "Надіслати повідомлення",
    take: "Взяти звернення собі",
    status: "Змінити статус",
    back: "Повернутися до списку (або вийти з поля)",
  },
  adminsOnly: {
    title: "Лише для адміністраторів",
    text: "Цей розділ адміністрування доступний лише власникам та адміністраторам робочого простору. Якщо тут потрібно щось змінити, зверніться до когось із них.",
    back: "Повернутися до звернень",
  },
  notFound: {
    title: "Сторінку не знайдено",
    text: "За цією адресою нічого немає.",
    back: "Перейти до робочого простору",
  },
  errors: {
    title: "Щось пішло не так",
    network: "Не вдається з’єднатися з Frontline. Перевірте підключення й спробуйте ще раз.",
    internal: template<{ requestId: string }>("На нашому боці сталася помилка. Код запиту: {requestId}"),
    retry: "Повторити",
  },
  issues: {
    signup: {
      workspaceName: {
        too_small: "Щонайменше 2 символи",
        too_big: "Щонайбільше 80 символів",
      },
      slug: {
        taken: "Цю адресу вже зайнято; виберіть іншу",
        too_small: "Щонайменше 3 символи",
        too_big: "Щонайбільше 40 символів",
        invalid_format: "Можна використовувати лише латинські літери (a–z), цифри й дефіси; дефіс не може стояти на початку, в кінці чи двічі поспіль",
        custom: "Цю адресу зарезервовано; виберіть іншу",
      },
      ownerName: {
        too_small: "Вкажіть ім’я",
        too_big: "Ім’я — щонайбільше 100 символів",
      },
      email: {
        invalid_format: "Вкажіть правильну адресу ел. пошти",
        too_big: "Адреса ел. пошти — щонайбільше 254 символи",
      },
      password: {
        too_small: "Щонайменше 10 символів",
        too_big: "Щонайбільше 256 символів",
      },
    },
    newTicket: {
      subject: {
        too_small: "Вкажіть тему",
        too_big: "Тема — щонайбільше 200 символів",
      },
      body: {
        too_small: "Опишіть звернення",
      },
      requester: {
        invalid_union: "Виберіть клієнта або додайте нового за ел. поштою чи за ім’ям і телефоном",
        email: {
          invalid_format: "Вкажіть правильну адресу ел. пошти",
        },
        name: {
          too_small: "Вкажіть ім’я клієнта",
        },
        phone: {
          invalid_format: "Вкажіть телефон: цифри, пробіли, дужки, дефіси та, за потреби, + на початку",
        },
      },
    },
    department: {
      name: {
        too_small: "Вкажіть назву відділу",
        too_big: "Щонайбільше 60 символів",
      },
    },
    stopList: {
      value: {
        taken: "Уже є в стоп-списку",
        invalid_format: "Вкажіть адресу (name@example.com) або домен (example.com)",
      },
      note: {
        too_big: "Щонайбільше 200 символів",
      },
    },
    letter: {
      subject: {
        too_small: "Вкажіть тему",
        too_big: "Щонайбільше 300 символів",
      },
      body: {
        too_small: "Напишіть текст листа",
        too_big: "Щонайбільше 20 000 символів",
      },
    },
    calendar: {
      name: {
        too_small: "Вкажіть назву",
        too_big: "Щонайбільше 80 символів",
      },
    },
    policy: {
      name: {
        too_small: "Вкажіть назву",
        too_big: "Щонайбільше 80 символів",
      },
    },
    settings: {
      name: {
        too_small: "Щонайменше 2 символи",
        too_big: "Щонайбільше 80 символів",
      },
    },
    invite: {
      email: {
        taken: "Уже в команді",
        pending: "Уже запрошено; щоб надіслати нове запрошення, відкличте попереднє",
        invalid_format: "Вкажіть правильну адресу ел. пошти",
      },
    },
    acceptInvitation: {
      name: {
        too_small: "Вкажіть своє ім’я",
        too_big: "Ім’я — щонайбільше 100 символів",
      },
      password: {
        too_small: "Щонайменше 10 символів",
        too_big: "Щонайбільше 256 символів",
      },
    },
    replyTemplate: {
      name: {
        too_small: "Дайте шаблону назву",
        too_big: "Щонайбільше 80 символів",
      },
      body: {
        too_small: "Напишіть текст відповіді",
        too_big: "Щонайбільше 20 000 символів",
      },
    },
    topUp: {
      amountMinor: {
        too_small: "Вкажіть суму, більшу за нуль",
        too_big: "Завелика сума",
      },
      note: {
        too_big: "Щонайбільше 500 символів",
      },
    },
    login: {
      slug: {
        too_small: "Вкажіть адресу робочого простору",
      },
      email: {
        invalid_format: "Вкажіть правильну адресу ел. пошти",
      },
      password: {
        too_small: "Вкажіть пароль",
      },
    },
  },
  standing: {
    suspendedTitle: "Робочий простір призупинено",
    suspended:
      "Баланс вичерпано: переглядати все, як і раніше, можуть усі, але нічого не можна змінити, доки баланс не поповнено. Пошта й далі надходить і зберігається.",
    graceTitle: "Баланс від’ємний",
    grace: template<{ date: string }>("Робочий простір буде призупинено {date}, якщо не поповнити баланс."),
    lowTitle: "Баланс закінчується",
    topUp: "Поповнити",
    askAdmin: "Попросіть адміністратора поповнити баланс.",
    coversDays: template<{ days: number }>("Вистачить приблизно на {days, plural, one {# день} few {# дні} many {# днів} other {# дня}} за поточною ціною"),
  },
};

export default strings;
