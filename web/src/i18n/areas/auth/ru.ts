import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of signing up, signing in and accepting an invitation, in Russian. */
const strings: Strings = {
  signup: {
    title: "Создайте рабочее пространство",
    subtitle: "Бесплатный пробный период с кредитом на счёте. Карта не нужна.",
    workspaceName: "Название рабочего пространства",
    workspaceNamePlaceholder: "Служба поддержки Acme",
    slug: "Адрес рабочего пространства",
    slugHint: "Латинские буквы (a–z), цифры и дефисы. С ним вы входите в систему; изменить его потом нельзя.",
    inboundPreview: "Ваш адрес для входящей почты",
    ownerName: "Ваше имя",
    email: "Рабочая почта",
    password: "Пароль",
    passwordHint: "Не меньше 10 символов. Удобно использовать фразу.",
    submit: "Создать рабочее пространство",
    submitting: "Создаём рабочее пространство…",
    haveWorkspace: "Уже есть рабочее пространство?",
    signIn: "Войти",
    throttled: template<{ hours: number }>("С этого адреса сегодня открыто слишком много рабочих пространств. Попробуйте снова через {hours} ч."),
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
    throttled: template<{ minutes: number }>("Слишком много неудачных попыток входа. Попробуйте через {minutes} мин."),
    noWorkspace: "Впервые во Frontline?",
    createWorkspace: "Создать рабочее пространство",
  },
  invite: {
    loadingTitle: "Ваше приглашение",
    loadingSubtitle: "Проверяем ссылку приглашения…",
    title: template<{ workspace: string }>("Присоединяйтесь к {workspace} во Frontline"),
    subtitle: template<{ role: string }>("Вас приглашают в команду на роль «{role}». Укажите своё имя и придумайте пароль."),
    email: "Вы будете входить как",
    name: "Ваше имя",
    password: "Пароль",
    expires: template<{ when: string }>("Приглашение действует до {when}."),
    submit: "Присоединиться",
    submitting: "Присоединяем…",
    notFoundTitle: "Ссылка приглашения не работает",
    notFound: "Ссылка неполная или неизвестна. Попросите администратора, который вас пригласил, отправить её ещё раз.",
    closedTitle: "Приглашение закрыто",
    closed: {
      accepted: "Его уже приняли: войдите со своей учётной записью.",
      revoked: "Его отозвали. Попросите администратора, который вас пригласил, о новом.",
      expired: "Срок его действия истёк. Попросите администратора, который вас пригласил, о новом.",
    },
    haveAccount: "Уже в команде?",
    signIn: "Войти",
  },
};

export default strings;
