import { template } from "@solid-primitives/i18n";
import type { Strings } from "./en";

/** The strings of the search page (the top bar's box is in base), in Russian. */
const strings: Strings = {
  search: {
    title: "Поиск",
    query: "Что искать",
    queryPlaceholder: "Слова, номер обращения, имя клиента, email или телефон",
    submit: "Найти",
    prompt: "Введите, что нужно найти, или выберите фильтр.",
    filters: "Фильтры",
    filtersChosen: template<{ count: number }>(
      "{count, plural, one {выбран # фильтр} few {выбрано # фильтра} many {выбрано # фильтров} other {выбрано # фильтра}}",
    ),
    status: "Статус",
    department: "Отдел",
    assignee: "Исполнитель",
    priority: "Приоритет",
    tags: "Метки",
    tagsPlaceholder: "Любые метки",
    tagsHint: "Несколько меток — через запятую",
    created: "Создано",
    from: "С",
    to: "По",
    any: "Любой",
    anyone: "Любой",
    me: "Я",
    unassigned: "Без исполнителя",
    clearFilters: "Сбросить фильтры",
    sort: "Сортировка",
    sorts: {
      relevance: "По релевантности",
      updated: "По дате изменения",
    },
    count: template<{ count: number }>("{count, plural, one {# результат} few {# результата} many {# результатов} other {# результата}}"),
    countCapped: template<{ count: number }>("{count, number}+ результатов"),
    resultsLabel: "Результаты поиска",
    tickets: "Обращения",
    exact: "Найдено по номеру",
    requester: "Клиент",
    updated: template<{ when: string }>("Изменено {when}"),
    customers: "Клиенты",
    organizations: "Организации",
    showTickets: "Показать обращения",
    customerChip: template<{ name: string }>("Клиент: {name}"),
    organizationChip: template<{ name: string }>("Организация: {name}"),
    removeFilter: "убрать фильтр",
    customerMissing: "Клиент не найден",
    organizationMissing: "Организация не найдена",
    empty: "По этому запросу обращений не найдено.",
    emptyQuery: template<{ query: string }>("По запросу «{query}» обращений не найдено."),
    emptyHint: "Попробуйте другие слова или уберите часть фильтров.",
  },
};

export default strings;
