import { createEffect, createSignal, Show } from "solid-js";
import { Frontline } from "../api/client";
import type { TicketInfo } from "../api/types";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";
import { useDirectory } from "../session/directory";
import { actionOf, BulkKinds, emptyForm, selectionRequest, summarise, UNASSIGN, type BulkForm, type BulkKind, type BulkSummary } from "./bulk";
import { Priorities, Statuses } from "./lifecycle";

/** The words of a bulk answer: "3 changed; 2 not: #41 changed by someone else, #57 does not allow this in its state". */
export function useBulkWords() {
  const i18n = useI18n();
  return (summary: BulkSummary): string => {
    const parts: string[] = [];
    if (summary.changed || (!summary.unchanged && !summary.failures.length)) parts.push(i18n.t("bulk.changed", { count: summary.changed }));
    if (summary.unchanged) parts.push(i18n.t("bulk.unchanged", { count: summary.unchanged }));
    if (summary.failures.length) {
      const list = summary.failures
        .map((f) =>
          i18n.t("bulk.failure", {
            ticket: f.number === undefined ? i18n.t("bulk.someTicket") : `#${f.number}`,
            reason: i18n.t(`bulk.reasons.${f.reason}`),
          }),
        )
        .join(", ");
      parts.push(i18n.t("bulk.failed", { count: summary.failures.length, list }));
    }
    return parts.join("; ");
  };
}

/**
 * The bar over a queue with tickets checked: "select all on this page", how many are checked, an action and its
 * value, Apply. Each ticket is sent with the version the queue showed, so one changed meanwhile is left alone and
 * named in the answer.
 */
export function BulkBar(props: {
  tickets: readonly TicketInfo[];
  checked: ReadonlySet<string>;
  onToggleAll: (all: boolean) => void;
  onClear: () => void;
  onDone: (summary: BulkSummary | undefined, error?: string) => void;
}) {
  const i18n = useI18n();
  const directory = useDirectory();
  const [form, setForm] = createSignal<BulkForm>(emptyForm());
  const [busy, setBusy] = createSignal(false);
  const patch = (next: Partial<BulkForm>) => setForm({ ...form(), ...next });
  const count = () => props.tickets.filter((t) => props.checked.has(t.ticketId)).length;
  const all = () => props.tickets.length > 0 && count() === props.tickets.length;
  const choose = () => ({ value: "", label: i18n.t("bulk.choose") });

  const apply = async (event: Event) => {
    event.preventDefault();
    const action = actionOf(form());
    if (!action || !count() || busy()) return;
    setBusy(true);
    try {
      const response = await Frontline.bulkTickets(selectionRequest(props.tickets, props.checked, action));
      const numbers = new Map(props.tickets.map((t) => [t.ticketId, t.number]));
      setForm(emptyForm());
      props.onDone(summarise(response, numbers));
    } catch (error) {
      props.onDone(undefined, errorMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="bulk-bar" aria-label={i18n.t("bulk.barLabel")} onSubmit={(event) => void apply(event)} data-testid="bulk-bar">
      <label class="checkbox bulk-bar__all">
        <input
          type="checkbox"
          checked={all()}
          ref={(el) => createEffect(() => (el.indeterminate = count() > 0 && !all()))}
          onChange={(event) => props.onToggleAll(event.currentTarget.checked)}
          data-testid="select-all"
        />
        {i18n.t("bulk.selectAll")}
      </label>
      <Show when={count() > 0}>
        <span class="bulk-bar__count" data-testid="selected-count">
          {i18n.t("bulk.selected", { count: count() })}
        </span>
        <div class="bulk-bar__fields">
          <SelectField
            id="bulk-action"
            compact
            label={i18n.t("bulk.action")}
            value={form().kind}
            options={[choose(), ...BulkKinds.map((kind) => ({ value: kind, label: i18n.t(`bulk.kinds.${kind}`) }))]}
            onValue={(v) => patch({ kind: v as BulkKind | "" })}
          />
          <Show when={form().kind === "assign"}>
            <SelectField
              id="bulk-assignee"
              compact
              label={i18n.t("tickets.filters.assigneeId")}
              value={form().assigneeId}
              options={[
                choose(),
                { value: UNASSIGN, label: i18n.t("bulk.unassign") },
                ...(directory.staff.latest ?? []).filter((s) => s.status === "active").map((s) => ({ value: s.staffId, label: s.name })),
              ]}
              onValue={(v) => patch({ assigneeId: v })}
            />
          </Show>
          <Show when={form().kind === "status"}>
            <SelectField
              id="bulk-status"
              compact
              label={i18n.t("tickets.filters.status")}
              value={form().status}
              options={[choose(), ...Statuses.map((s) => ({ value: s, label: i18n.t(`vocab.status.${s}`) }))]}
              onValue={(v) => patch({ status: v as BulkForm["status"] })}
            />
          </Show>
          <Show when={form().kind === "priority"}>
            <SelectField
              id="bulk-priority"
              compact
              label={i18n.t("tickets.filters.priority")}
              value={form().priority}
              options={[choose(), ...Priorities.map((p) => ({ value: p, label: i18n.t(`vocab.priority.${p}`) }))]}
              onValue={(v) => patch({ priority: v as BulkForm["priority"] })}
            />
          </Show>
          <Show when={form().kind === "department"}>
            <SelectField
              id="bulk-department"
              compact
              label={i18n.t("tickets.filters.departmentId")}
              value={form().departmentId}
              options={[choose(), ...(directory.departments.latest ?? []).filter((d) => !d.archivedAt).map((d) => ({ value: d.departmentId, label: d.name }))]}
              onValue={(v) => patch({ departmentId: v })}
            />
            <TextField id="bulk-reason" compact label={i18n.t("bulk.reason")} value={form().reason} onValue={(v) => patch({ reason: v })} maxLength={500} />
          </Show>
          <Show when={form().kind === "addTags" || form().kind === "removeTags"}>
            <TextField id="bulk-tags" compact label={i18n.t("bulk.tags")} value={form().tags} onValue={(v) => patch({ tags: v })} placeholder={i18n.t("bulk.tagsHint")} maxLength={400} />
          </Show>
        </div>
        <div class="bulk-bar__end">
          <button type="button" class="button button--ghost button--small" onClick={() => props.onClear()}>
            {i18n.t("bulk.clear")}
          </button>
          <button type="submit" class="button button--primary button--small" disabled={busy() || !actionOf(form())} data-testid="bulk-apply">
            {busy() ? i18n.t("bulk.applying") : i18n.t("bulk.apply")}
          </button>
        </div>
      </Show>
    </form>
  );
}
