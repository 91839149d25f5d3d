import { createEffect, createSignal, For, on, Show } from "solid-js";
import { A } from "@solidjs/router";
import { createPagedList } from "../../components/paged-list";
import { PageHeader } from "../../components/page-header";
import { SelectField } from "../../components/select-field";
import { TableScroll } from "../../components/table-scroll";
import { useI18n, type I18n } from "../../i18n";
import { OperatorApi, type EventInfo } from "../client";
import { platformCurrency } from "../currency";
import { OperatorPagedBody, TableHead } from "../paged";

const ACTIONS = ["login", "payment", "adjustment", "top_up_dismiss", "plan_update", "reaction_reprocess"] as const;

type Fields = Record<string, unknown>;
const fieldsOf = (value: unknown): Fields => (value && typeof value === "object" ? (value as Fields) : {});

/** What an event changed, in a few lines: the amount and its reference or reason, or a plan's fields before and after. */
export function describe(event: EventInfo, currency: string, i18n: I18n): string[] {
  const after = fieldsOf(event.after);
  const before = fieldsOf(event.before);
  const lines: string[] = [];
  if (typeof after.amountMinor === "number") lines.push(i18n.t("operator.events.amount", { amount: i18n.signedMoney(after.amountMinor, currency) }));
  if (typeof after.reference === "string") lines.push(i18n.t("operator.events.reference", { reference: after.reference }));
  if (typeof after.reason === "string") lines.push(i18n.t("operator.events.reason", { reason: after.reason }));
  if (event.action !== "operator.plan_update") return lines;

  const planCurrency = typeof before.currency === "string" ? before.currency : currency;
  const limit = (value: unknown) => (typeof value === "number" ? String(value) : i18n.t("operator.events.unlimited"));
  const shown: [string, string, (value: unknown) => string][] = [
    ["name", i18n.t("operator.plans.name"), String],
    ["pricePerDayMinor", i18n.t("operator.workspace.dailyPrice"), (value) => i18n.money(Number(value), planCurrency)],
    ["staffLimit", i18n.t("operator.plans.staffLimit"), limit],
    ["dailyTicketLimit", i18n.t("operator.plans.dailyTicketLimit"), limit],
  ];
  for (const [key, field, format] of shown) {
    if (key in after && (after[key] ?? null) !== (before[key] ?? null)) lines.push(i18n.t("operator.events.change", { field, before: format(before[key]), after: format(after[key]) }));
  }
  if ("addOns" in after && JSON.stringify(after.addOns) !== JSON.stringify(before.addOns ?? [])) lines.push(i18n.t("operator.events.addOnsChanged"));
  return lines;
}

/** /operator/events: the platform's log of what operators did, newest first, by action. */
export function OperatorEventsPage() {
  const i18n = useI18n();
  const [action, setAction] = createSignal("");
  // Amounts in the log come without a currency: the platform's, read once with the first page.
  let currency: Promise<string> | undefined;
  const [platform, setPlatform] = createSignal<string>();
  const list = createPagedList<EventInfo>(async (cursor) => {
    currency ??= platformCurrency().catch((error: unknown) => {
      currency = undefined; // asked again with the next try
      throw error;
    });
    const [page, platformValue] = await Promise.all([OperatorApi.events({ action: action() ? `operator.${action()}` : undefined, cursor }), currency]);
    setPlatform(platformValue);
    return { items: page.events, cursor: page.cursor };
  }, i18n);
  createEffect(on(action, () => void list.reload()));

  const actionLabel = (event: EventInfo) => i18n.lookup(`operator.events.actions.${event.action.replace(/^operator\./, "")}`) ?? event.action;

  return (
    <>
      <PageHeader title={i18n.t("operator.events.title")} subtitle={i18n.t("operator.events.subtitle")} />
      <section class="card card--flush" aria-label={i18n.t("operator.events.title")} data-testid="operator-events" aria-busy={list.state.loading}>
        <div class="filters operator-filters">
          <SelectField
            id="operator-event-action"
            label={i18n.t("operator.events.action")}
            value={action()}
            onValue={setAction}
            options={[{ value: "", label: i18n.t("operator.events.allActions") }, ...ACTIONS.map((a) => ({ value: a, label: i18n.t(`operator.events.actions.${a}`) }))]}
          />
        </div>
        <OperatorPagedBody
          list={list}
          empty={action() ? i18n.t("operator.events.emptyFiltered") : i18n.t("operator.events.empty")}
          emptyTestId="events-empty"
        >
          <TableScroll label={i18n.t("operator.events.title")}>
            <table class="table" data-testid="events-table">
              <TableHead
                columns={[
                  { label: i18n.t("operator.events.columns.at"), kind: "nowrap" },
                  { label: i18n.t("operator.events.columns.operator") },
                  { label: i18n.t("operator.events.columns.action") },
                  { label: i18n.t("operator.events.columns.target") },
                  { label: i18n.t("operator.events.columns.details") },
                ]}
              />
              <tbody>
                <For each={list.state.items}>
                  {(event) => (
                    <tr data-testid="event-row" data-action={event.action}>
                      <td class="table__nowrap">{i18n.dateTime(event.at)}</td>
                      <td data-testid="event-operator">{event.actor.name}</td>
                      <td data-testid="event-action">{actionLabel(event)}</td>
                      <td data-testid="event-target">
                        <Show when={event.target.type === "tenant"} fallback={<span>{event.target.label ?? event.target.id}</span>}>
                          <A href={`/operator/workspaces/${event.target.id}`} class="mono">
                            {event.target.label ?? event.target.id}
                          </A>
                        </Show>
                      </td>
                      <td class="small" data-testid="event-details">
                        <For each={platform() ? describe(event, platform()!, i18n) : []}>{(line) => <span class="cell-line">{line}</span>}</For>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        </OperatorPagedBody>
      </section>
    </>
  );
}
