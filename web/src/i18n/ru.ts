import { template } from "@solid-primitives/i18n";
import type { Catalogue } from "./en";

const dayWord = (days: number): string => {
  switch (new Intl.PluralRules("ru").select(days)) {
    case "one":
      return "день";
    case "few":
      return "дня";
    default:
      return "дней";
  }
};

/** The Russian catalogue. Typed as `Catalogue`: a missing or an extra key does not compile. */
export const ru: Catalogue = {
  app: {
    name: "Frontline",
    loading: "Загрузка…",
    skipToContent: "Перейти к содержимому",
  },
  locale: {
    label: "Язык",
    en: "English",
    ru: "Русский",
  },
  nav: {
    label: "Основная",
    tickets: "Обращения",
    admin: "Администрирование",
    workspace: "Рабочее пространство",
    signedInAs: template<{ name: string; role: string }>("Вы вошли как {{ name }}, {{ role }}"),
    signOut: "Выйти",
    signingOut: "Выход…",
  },
  roles: {
    owner: "Владелец",
    admin: "Администратор",
    supervisor: "Руководитель",
    dispatcher: "Диспетчер",
    agent: "Специалист",
  },
  signup: {
    title: "Создайте рабочее пространство",
    subtitle: "Бесплатный пробный период с кредитом на счёте. Карта не нужна.",
    workspaceName: "Название рабочего пространства",
    workspaceNamePlaceholder: "Служба поддержки Acme",
    slug: "Адрес рабочего пространства",
    slugHint: "Строчные латинские буквы, цифры и дефисы. С ним вы входите в систему; изменить его потом нельзя.",
    inboundPreview: "Ваш адрес для входящей почты",
    ownerName: "Ваше имя",
    email: "Рабочая почта",
    password: "Пароль",
    passwordHint: "Не меньше 10 символов. Удобно использовать фразу.",
    submit: "Создать рабочее пространство",
    submitting: "Создаём рабочее пространство…",
    haveWorkspace: "Уже есть рабочее пространство?",
    signIn: "Войти",
  },
  login: {
    title: "Вход в Frontline",
    subtitle: "С возвращением. Укажите адрес рабочего пространства и свою учётную запись.",
    slug: "Адрес рабочего пространства",
    slugPlaceholder: "acme",
    email: "Почта",
    password: "Пароль",
    submit: "Войти",
    submitting: "Входим…",
    wrongCredentials: "Неверное рабочее пространство, почта или пароль",
    throttled: template<{ minutes: number }>("Слишком много неудачных попыток входа. Попробуйте через {{ minutes }} мин."),
    noWorkspace: "Впервые во Frontline?",
    createWorkspace: "Создать рабочее пространство",
  },
  workspace: {
    title: "Рабочее пространство",
    subtitle: "Ваш тариф, баланс и адрес, на который приходит почта ваших клиентов.",
    plan: "Тариф",
    planStatus: {
      trial: "Пробный период",
      active: "Активен",
      suspended: "Приостановлен",
    },
    trialEnds: template<{ date: string }>("Пробный период до {{ date }}"),
    pricePerDay: "Стоимость в день",
    perDay: template<{ price: string }>("{{ price }} в день"),
    staffLimit: "Мест для сотрудников",
    dailyTicketLimit: "Новых обращений в день",
    unlimited: "Без ограничений",
    addOns: "Доступные дополнения",
    balanceTitle: "Баланс",
    balance: "Текущий баланс",
    trialCredit: "Пробный кредит",
    coversDays: (days: number): string => `Хватит примерно на ${days} ${dayWord(days)} по текущей цене`,
    inboundTitle: "Адрес для входящей почты",
    inboundExplain:
      "Перенаправляйте почту службы поддержки на этот адрес. Каждое письмо, пришедшее на него, становится обращением в вашей очереди.",
    copy: "Копировать",
    copied: "Скопировано",
    copyFailed: "Не удалось скопировать; выделите адрес и скопируйте его вручную",
  },
  tickets: {
    title: "Обращения",
    subtitle: "Переписка с вашими клиентами.",
    unavailable: "Пока недоступно",
    empty: "Обращений пока нет. Перенаправьте почту поддержки на адрес для входящей почты, чтобы получить первое.",
  },
  admin: {
    title: "Администрирование",
    subtitle: "Как устроено ваше рабочее пространство и сколько оно уже стоило.",
    departments: "Отделы",
    departmentsEmpty: "Отделов пока нет.",
    billingHistory: "История платежей",
    billingEmpty: "Записей пока нет.",
    defaultDepartment: "По умолчанию",
    columns: {
      name: "Название",
      description: "Описание",
      created: "Создан",
      date: "Дата",
      entry: "Запись",
      kind: "Тип",
      amount: "Сумма",
      balanceAfter: "Баланс после",
    },
    ledgerKinds: {
      trial_credit: "Пробный кредит",
      top_up: "Пополнение",
      daily_charge: "Ежедневное списание",
      adjustment: "Корректировка",
    },
  },
  notFound: {
    title: "Страница не найдена",
    text: "По этому адресу ничего нет.",
    back: "Перейти в рабочее пространство",
  },
  errors: {
    title: "Что-то пошло не так",
    network: "Не удаётся связаться с Frontline. Проверьте подключение и попробуйте ещё раз.",
    internal: template<{ requestId: string }>("На нашей стороне произошла ошибка. Код запроса: {{ requestId }}"),
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
        invalid_format: "Строчные латинские буквы, цифры и одиночные дефисы (не в начале и не в конце)",
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
};
