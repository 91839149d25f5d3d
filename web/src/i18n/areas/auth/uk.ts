import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of signing up, signing in and accepting an invitation, in Ukrainian. */
const strings: Strings = {
  signup: {
    title: "Створіть робочий простір",
    subtitle: "Безкоштовний пробний період із бонусом на рахунку. Картка не потрібна.",
    workspaceName: "Назва робочого простору",
    workspaceNamePlaceholder: "Служба підтримки Acme",
    slug: "Адреса робочого простору",
    slugHint: "Латинські літери (a–z), цифри та дефіси. З нею ви входите в систему; змінити її згодом не можна.",
    inboundPreview: "Ваша адреса для вхідної пошти",
    ownerName: "Ваше ім’я",
    email: "Робоча ел. пошта",
    password: "Пароль",
    passwordHint: "Щонайменше 10 символів. Добре підійде фраза з кількох слів.",
    submit: "Створити робочий простір",
    submitting: "Створення робочого простору…",
    haveWorkspace: "Уже маєте робочий простір?",
    signIn: "Увійти",
    throttled: template<{ hours: number }>("З цієї адреси сьогодні вже відкрито забагато робочих просторів. Спробуйте ще раз через {hours} год."),
  },
  login: {
    title: "Вхід у Frontline",
    subtitle: "З поверненням! Вкажіть адресу робочого простору та дані свого облікового запису.",
    slug: "Адреса робочого простору",
    slugPlaceholder: "acme",
    email: "Ел. пошта",
    password: "Пароль",
    submit: "Увійти",
    submitting: "Вхід…",
    wrongCredentials: "Неправильний робочий простір, ел. пошта або пароль",
    throttled: template<{ minutes: number }>("Забагато невдалих спроб входу. Спробуйте ще раз через {minutes} хв."),
    noWorkspace: "Уперше у Frontline?",
    createWorkspace: "Створити робочий простір",
  },
  invite: {
    loadingTitle: "Ваше запрошення",
    loadingSubtitle: "Перевіряємо посилання із запрошення…",
    title: template<{ workspace: string }>("Приєднуйтеся до {workspace} у Frontline"),
    subtitle: template<{ role: string }>("Вас запрошують до команди в ролі «{role}». Вкажіть своє ім’я та придумайте пароль."),
    email: "Ви входитимете як",
    name: "Ваше ім’я",
    password: "Пароль",
    expires: template<{ when: string }>("Запрошення дійсне до {when}."),
    submit: "Приєднатися",
    submitting: "Приєднання…",
    notFoundTitle: "Посилання із запрошення не працює",
    notFound: "Посилання неповне або невідоме. Попросіть адміністратора, який вас запросив, надіслати його ще раз.",
    closedTitle: "Запрошення закрите",
    closed: {
      accepted: "Його вже прийнято: увійдіть у свій обліковий запис.",
      revoked: "Його відкликано. Попросіть адміністратора, який вас запросив, надіслати нове.",
      expired: "Термін його дії минув. Попросіть адміністратора, який вас запросив, надіслати нове.",
    },
    haveAccount: "Уже в команді?",
    signIn: "Увійти",
  },
};

export default strings;
