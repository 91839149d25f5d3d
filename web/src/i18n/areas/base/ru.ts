import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/**
 * The strings of what every page of the console shows: its frame and navigation, roles, common words, the words of a
 * ticket's fields, notifications, shortcuts, errors, and the workspace's standing (the banner when its balance runs
 * low), in Russian.
 */
const strings: Strings = {
  app: {
    name: "Frontline",
    loading: "Загрузка…",
    skipToContent: "Перейти к содержимому",
  },
  locale: {
    label: "Язык",
    en: "English",
    ru: "Русский",
    uk: "Українська",
    kk: "Қазақша",
    hu: "Magyar",
  },
  nav: {
    label: "Основная",
    tickets: "Обращения",
    customers: "Клиенты",
    admin: "Администрирование",
    workspace: "Рабочее пространство",
    signedInAs: template<{ name: string; role: string }>("Вы вошли как {name}, {role}"),
    signOut: "Выйти",
    signingOut: "Выход…",
    unassignedCount: template<{ count: number }>("Без исполнителя: {count}"),
  },
  searchBox: {
    label: "Поиск по обращениям",
    placeholder: "Поиск…",
  },
  roles: {
    owner: "Владелец",
    admin: "Администратор",
    supervisor: "Руководитель",
    dispatcher: "Диспетчер",
    agent: "Специалист",
  },
  common: {
    cancel: "Отмена",
    save: "Сохранить",
    saving: "Сохраняем…",
    close: "Закрыть",
    dismiss: "Скрыть",
    loadMore: "Показать ещё",
    loadingMore: "Загрузка…",
    none: "—",
    you: "вы",
    me: template<{ name: string }>("{name} (я)"),
    copy: "Копировать",
    copied: "Скопировано",
    copyFailed: "Не удалось скопировать; выделите адрес и скопируйте его вручную",
  },
  vocab: {
    status: {
      new: "Новое",
      open: "Открыто",
      pending: "Ждёт ответа",
      on_hold: "Отложено",
      solved: "Решено",
      closed: "Закрыто",
    },
    priority: {
      low: "Низкий",
      normal: "Обычный",
      high: "Высокий",
      urgent: "Срочный",
    },
    level: {
      low: "Низкое",
      medium: "Среднее",
      high: "Высокое",
    },
    type: {
      incident: "Инцидент",
      service_request: "Запрос на обслуживание",
      information_request: "Консультация",
      documentation_request: "Запрос документов",
      change_request: "Запрос на изменение",
    },
    origin: {
      phone: "Телефон",
      in_person: "Лично",
      chat: "Чат",
      other: "Другое",
    },
    received: {
      phone: "По телефону",
      in_person: "Лично",
      chat: "Через чат",
      other: "Зарегистрировано сотрудником",
    },
    channel: {
      agent: "Зарегистрировано сотрудником",
      email: "Получено по почте",
      portal: "С клиентского портала",
      api: "Через API",
    },
  },
  notifications: {
    button: "Уведомления",
    buttonUnread: template<{ count: number }>("Уведомления, непрочитанных: {count}"),
    title: "Уведомления",
    markAllRead: "Прочитать все",
    markRead: "Отметить прочитанным",
    empty: "Уведомлений пока нет.",
    failed: "Не удалось загрузить уведомления.",
  },
  shortcuts: {
    title: "Сочетания клавиш",
    button: "Сочетания клавиш",
    then: "затем",
    groups: {
      anywhere: "Везде",
      queue: "Список обращений",
      ticket: "Обращение",
    },
    help: "Показать эту справку",
    goQueue: "Перейти к списку обращений",
    search: "Перейти к поиску",
    next: "Следующее обращение",
    previous: "Предыдущее обращение",
    open: "Открыть выбранное обращение",
    toggleSelect: "Отметить обращение для действий с выбранными или снять отметку",
    reply: "Написать ответ",
    note: "Написать внутреннюю заметку",
    send: "Отправить сообщение",
    take: "Взять обращение себе",
    status: "Изменить статус",
    back: "Вернуться к списку (или выйти из поля)",
  },
  adminsOnly: {
    title: "Только для администраторов",
    text: "Этот раздел администрирования доступен только владельцам и администраторам рабочего пространства. Если здесь нужно что-то изменить, обратитесь к одному из них.",
    back: "Вернуться к обращениям",
  },
  notFound: {
    title: "Страница не найдена",
    text: "По этому адресу ничего нет.",
    back: "Перейти в рабочее пространство",
  },
  errors: {
    title: "Что-то пошло не так",
    network: "Не удаётся связаться с Frontline. Проверьте подключение и попробуйте ещё раз.",
    internal: template<{ requestId: string }>("На нашей стороне произошла ошибка. Код запроса: {requestId}"),
    retry: "Повторить",
  },
  issues: {
    signup: {
      workspaceName: {
        too_small: "Не короче 2 символов",
        too_big: "Не длиннее 80 символов",
      },
      slug: {
        taken: "Этот адрес уже занят; выберите другой",
        too_small: "Не короче 3 символов",
        too_big: "Не длиннее 40 символов",
        invalid_format: "Допустимы только латинские буквы (a–z), цифры и дефисы; дефис не может стоять в начале, в конце и два раза подряд",
        custom: "Этот адрес зарезервирован; выберите другой",
      },
      ownerName: {
        too_small: "Укажите имя",
        too_big: "Имя не длиннее 100 символов",
      },
      email: {
        invalid_format: "Укажите правильный адрес почты",
        too_big: "Адрес почты не длиннее 254 символов",
      },
      password: {
        too_small: "Не короче 10 символов",
        too_big: "Не длиннее 256 символов",
      },
    },
    newTicket: {
      subject: {
        too_small: "Укажите тему",
        too_big: "Тема не длиннее 200 символов",
      },
      body: {
        too_small: "Опишите обращение",
      },
      requester: {
        invalid_union: "Выберите клиента или добавьте нового по почте либо по имени и телефону",
        email: {
          invalid_format: "Укажите правильный адрес почты",
        },
        name: {
          too_small: "Укажите имя клиента",
        },
        phone: {
          invalid_format: "Укажите телефон: цифры, пробелы, скобки, дефисы и, возможно, + в начале",
        },
      },
    },
    department: {
      name: {
        too_small: "Укажите название отдела",
        too_big: "Не длиннее 60 символов",
      },
    },
    stopList: {
      value: {
        taken: "Уже в стоп-листе",
        invalid_format: "Укажите адрес (name@example.com) или домен (example.com)",
      },
      note: {
        too_big: "Не длиннее 200 символов",
      },
    },
    letter: {
      subject: {
        too_small: "Укажите тему",
        too_big: "Не длиннее 300 символов",
      },
      body: {
        too_small: "Напишите текст письма",
        too_big: "Не длиннее 20 000 символов",
      },
    },
    calendar: {
      name: {
        too_small: "Укажите название",
        too_big: "Не длиннее 80 символов",
      },
    },
    policy: {
      name: {
        too_small: "Укажите название",
        too_big: "Не длиннее 80 символов",
      },
    },
    settings: {
      name: {
        too_small: "Используйте не меньше 2 символов",
        too_big: "Используйте не больше 80 символов",
      },
    },
    invite: {
      email: {
        taken: "Уже в команде",
        pending: "Уже приглашён; чтобы отправить новое приглашение, отзовите прежнее",
        invalid_format: "Введите правильный адрес электронной почты",
      },
    },
    acceptInvitation: {
      name: {
        too_small: "Введите своё имя",
        too_big: "Имя — не больше 100 символов",
      },
      password: {
        too_small: "Используйте не меньше 10 символов",
        too_big: "Используйте не больше 256 символов",
      },
    },
    replyTemplate: {
      name: {
        too_small: "Дайте шаблону название",
        too_big: "Не больше 80 символов",
      },
      body: {
        too_small: "Напишите текст ответа",
        too_big: "Не больше 20 000 символов",
      },
    },
    topUp: {
      amountMinor: {
        too_small: "Введите сумму больше нуля",
        too_big: "Слишком большая сумма",
      },
      note: {
        too_big: "Не больше 500 символов",
      },
    },
    login: {
      slug: {
        too_small: "Укажите адрес рабочего пространства",
      },
      email: {
        invalid_format: "Укажите правильный адрес почты",
      },
      password: {
        too_small: "Укажите пароль",
      },
    },
  },
  standing: {
    suspendedTitle: "Работа рабочего пространства приостановлена",
    suspended: "Баланс исчерпан: читать по-прежнему можно всем, но ничего нельзя изменить, пока баланс не пополнен. Почта по-прежнему принимается и сохраняется.",
    graceTitle: "Баланс ниже нуля",
    grace: template<{ date: string }>("Работа рабочего пространства будет приостановлена {date}, если баланс не пополнить."),
    lowTitle: "Баланс заканчивается",
    topUp: "Пополнить",
    askAdmin: "Попросите администратора пополнить баланс.",
    coversDays: template<{ days: number }>("Хватит примерно на {days, plural, one {# день} few {# дня} many {# дней} other {# дня}} по текущей цене"),
  },
};

export default strings;
