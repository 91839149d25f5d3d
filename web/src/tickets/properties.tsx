import { createSignal, Show } from "solid-js";
import type { TicketDetail, TicketLevel, TicketPriority, TicketStatus, TicketType, UpdateTicketRequest } from "../api/types";
import { Dialog } from "../components/dialog";
import { SelectField, type SelectOption } from "../components/select-field";
import { TagInput } from "../components/tag-input";
import { useI18n } from "../i18n";
import { useDirectory } from "../session/directory";
import { useMe } from "../session/me";
import { Levels, Priorities, statusChoices, Types, worksIn } from "./lifecycle";

export type TicketChange = Omit<UpdateTicketRequest, "version">;

/**
 * The ticket's fields, each saved as soon as it changes (with the version it was read at). Only what the signed-in
 * person may change is enabled; moving the ticket to another department asks why first.
 */
export function TicketProperties(props: {
  detail: TicketDetail;
  onChange: (change: TicketChange) => Promise<boolean>;
  statusRef?: (element: HTMLSelectElement) => void;
}) {
  const i18n = useI18n();
  const { me } = useMe();
  const directory = useDirectory();
  const ticket = () => props.detail.ticket;
  const can = () => props.detail.permissions;
  const editable = () => can().work && ticket().status !== "closed";
  const [redirectTo, setRedirectTo] = createSignal<string>();

  const departmentOptions = (): SelectOption[] => {
    const options = directory.myDepartments().map((d) => ({ value: d.departmentId, label: d.name }));
    if (!options.some((o) => o.value === ticket().departmentId)) {
      const current = directory.departmentById(ticket().departmentId);
      options.unshift({
        value: ticket().departmentId,
        label: current ? (current.archivedAt ? i18n.t("ticket.archived", { name: current.name }) : current.name) : i18n.t("common.none"),
      });
    }
    return options;
  };

  const assigneeOptions = (): SelectOption[] => {
    const self = me().staff.staffId;
    const current = ticket().assigneeId;
    const working = (directory.staff.latest ?? []).filter((s) => s.status === "active" && worksIn(s, ticket().departmentId));
    const offered = can().assign ? working : working.filter((s) => s.staffId === self || s.staffId === current);
    const options: SelectOption[] = offered.map((s) => ({ value: s.staffId, label: s.staffId === self ? i18n.t("common.me", { name: s.name }) : s.name }));
    if (current && !options.some((o) => o.value === current)) {
      options.unshift({ value: current, label: directory.staffById(current)?.name ?? i18n.t("common.none") });
    }
    // Giving a ticket back is for its assignee; unassigning someone else's is for those who assign.
    const mayUnassign = can().assign || !current || current === self;
    return [{ value: "", label: i18n.t("ticket.unassigned"), disabled: !mayUnassign }, ...options];
  };

  const change = (patch: TicketChange) => void props.onChange(patch);
  // Not disabled while a change saves: a disabled select drops the keyboard's focus to the page. The ticket page saves
  // changes one after another, each on the version the previous one left.
  const disabled = () => !editable();

  return (
    <section class="card properties" aria-labelledby="properties-title" data-testid="properties">
      <h2 class="card__title" id="properties-title">
        {i18n.t("ticket.properties")}
      </h2>
      <div class="form-grid form-grid--2">
        <SelectField
          id="ticket-status"
          compact
          label={i18n.t("ticket.status")}
          value={ticket().status}
          options={statusChoices(ticket().status).map((s) => ({ value: s, label: i18n.t(`vocab.status.${s}`) }))}
          onValue={(value) => change({ status: value as TicketStatus })}
          disabled={disabled()}
          ref={props.statusRef}
          testId="ticket-status"
        />
        <SelectField
          id="ticket-priority"
          compact
          label={i18n.t("ticket.priority")}
          value={ticket().priority}
          options={Priorities.map((p) => ({ value: p, label: i18n.t(`vocab.priority.${p}`) }))}
          onValue={(value) => change({ priority: value as TicketPriority })}
          disabled={disabled()}
          testId="ticket-priority"
        />
      </div>
      <SelectField
        id="ticket-assignee"
        compact
        label={i18n.t("ticket.assignee")}
        value={ticket().assigneeId ?? ""}
        options={assigneeOptions()}
        onValue={(value) => change({ assigneeId: value || null })}
        disabled={disabled() || !(can().assign || can().take)}
        testId="ticket-assignee"
      />
      <SelectField
        id="ticket-department"
        compact
        label={i18n.t("ticket.department")}
        value={ticket().departmentId}
        options={departmentOptions()}
        onValue={(value, event) => {
          // Nothing moves until the reason is given: the select shows the current department meanwhile.
          event.currentTarget.value = ticket().departmentId;
          if (value !== ticket().departmentId) setRedirectTo(value);
        }}
        disabled={disabled() || !can().redirect}
        testId="ticket-department"
      />
      <div class="form-grid form-grid--2">
        <SelectField
          id="ticket-impact"
          compact
          label={i18n.t("ticket.impact")}
          value={ticket().impact}
          options={Levels.map((l) => ({ value: l, label: i18n.t(`vocab.level.${l}`) }))}
          onValue={(value) => change({ impact: value as TicketLevel })}
          disabled={disabled()}
        />
        <SelectField
          id="ticket-urgency"
          compact
          label={i18n.t("ticket.urgency")}
          value={ticket().urgency}
          options={Levels.map((l) => ({ value: l, label: i18n.t(`vocab.level.${l}`) }))}
          onValue={(value) => change({ urgency: value as TicketLevel })}
          disabled={disabled()}
        />
      </div>
      <p class="field__hint">{i18n.t("ticket.priorityHint")}</p>
      <SelectField
        id="ticket-type"
        compact
        label={i18n.t("ticket.type")}
        value={ticket().type}
        options={Types.map((t) => ({ value: t, label: i18n.t(`vocab.type.${t}`) }))}
        onValue={(value) => change({ type: value as TicketType })}
        disabled={disabled()}
      />
      <div class="field field--compact">
        <label class="field__label" for="ticket-tags">
          {i18n.t("ticket.tags")}
        </label>
        <TagInput id="ticket-tags" tags={ticket().tags} onChange={(tags) => change({ tags })} disabled={disabled()} />
      </div>

      <Show when={redirectTo()}>
        {(departmentId) => (
          <RedirectDialog
            department={directory.departmentById(departmentId())?.name ?? ""}
            onCancel={() => setRedirectTo(undefined)}
            onConfirm={async (reason) => {
              const done = await props.onChange({ departmentId: departmentId(), reason });
              setRedirectTo(undefined);
              return done;
            }}
          />
        )}
      </Show>
    </section>
  );
}

/** Asks why the ticket moves to another department (the API requires a reason, and the history keeps it). */
function RedirectDialog(props: { department: string; onCancel: () => void; onConfirm: (reason: string) => Promise<boolean> }) {
  const i18n = useI18n();
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<string>();
  const [saving, setSaving] = createSignal(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason().trim()) {
      setError(i18n.t("ticket.redirectReasonMissing"));
      return;
    }
    setSaving(true);
    await props.onConfirm(reason().trim());
  };
  return (
    <Dialog title={i18n.t("ticket.redirectTitle", { department: props.department })} onClose={props.onCancel} testId="redirect-dialog">
      <form class="form" onSubmit={submit} novalidate>
        <div class="field" classList={{ "field--invalid": Boolean(error()) }}>
          <label class="field__label" for="redirect-reason">
            {i18n.t("ticket.redirectReason")}
          </label>
          <textarea
            id="redirect-reason"
            class="input textarea"
            rows={3}
            maxLength={500}
            value={reason()}
            data-autofocus
            onInput={(event) => {
              setReason(event.currentTarget.value);
              setError(undefined);
            }}
            aria-invalid={error() ? "true" : undefined}
            aria-describedby={error() ? "redirect-reason-error redirect-reason-hint" : "redirect-reason-hint"}
          />
          <Show when={error()}>
            <p class="field__error" id="redirect-reason-error">
              {error()}
            </p>
          </Show>
          <p class="field__hint" id="redirect-reason-hint">
            {i18n.t("ticket.redirectHint")}
          </p>
        </div>
        <div class="dialog__actions">
          <button type="button" class="button button--ghost" onClick={props.onCancel}>
            {i18n.t("common.cancel")}
          </button>
          <button type="submit" class="button button--primary" disabled={saving()}>
            {saving() ? i18n.t("common.saving") : i18n.t("ticket.redirectConfirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
