import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of the search page (the top bar's box is in base), in Ukrainian. */
const strings: Strings = {
  search: {
    title: "Пошук",
    query: "Що шукати",
    queryPlaceholder: "Слова, номер звернення, ім’я клієнта, email або телефон",
    submit: "Знайти",
    prompt: "Введіть, що потрібно знайти, або виберіть фільтр.",
    filters: "Фільтри",
    filtersChosen: template<{ count: number }>(
      "{count, plural, one {вибрано # фільтр} few {вибрано # фільтри} many {вибрано # фільтрів} other {вибрано # фільтра}}",
    ),
    status: "Статус",
    department: "Відділ",
    assignee: "Виконавець",
    priority: "Пріоритет",
    tags: "Мітки",
    tagsPlaceholder: "Будь-які мітки",
    tagsHint: "Кілька міток — через кому",
    created: "Створено",
    from: "З",
    to: "По",
    any: "Будь-який",
    anyone: "Будь-хто",
    me: "Я",
    unassigned: "Без виконавця",
    clearFilters: "Скинути фільтри",
    sort: "Сортування",
    sorts: {
      relevance: "За релевантністю",
      updated: "За датою зміни",
    },
    count: template<{ count: number }>("{count, plural, one {# результат} few {# результати} many {# результатів} other {# результату}}"),
    countCapped: template<{ count: number }>("{count, number}+ результатів"),
    resultsLabel: "Результати пошуку",
    tickets: "Звернення",
    exact: "Знайдено за номером",
    requester: "Клієнт",
    updated: template<{ when: string }>("Змінено {when}"),
    customers: "Клієнти",
    organizations: "Організації",
    showTickets: "Показати звернення",
    customerChip: template<{ name: string }>("Клієнт: {name}"),
    organizationChip: template<{ name: string }>("Організація: {name}"),
    removeFilter: "прибрати фільтр",
    customerMissing: "Клієнта не знайдено",
    organizationMissing: "Організацію не знайдено",
    empty: "За цим запитом звернень не знайдено.",
    emptyQuery: template<{ query: string }>("За запитом «{query}» звернень не знайдено."),
    emptyHint: "Спробуйте інші слова або приберіть частину фільтрів.",
  },
};

export default strings;
