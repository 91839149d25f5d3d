import { createEffect, createMemo, createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useNavigate } from "@solidjs/router";
import { Frontline } from "../../api/client";
import type { CreateTicketRequest, TicketLevel, TicketOrigin, TicketPriority, TicketType } from "../../api/types";
import { Notice } from "../../components/notice";
import { PageHeader } from "../../components/page-header";
import { SelectField } from "../../components/select-field";
import { TagInput } from "../../components/tag-input";
import { TextField } from "../../components/text-field";
import { focusFirstInvalid, formErrors, type FormErrors } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { useShortcuts } from "../../keyboard/shortcuts";
import { useDirectory } from "../../session/directory";
import { useMe } from "../../session/me";
import { PriorityBadge } from "../../tickets/badges";
import { assignsOthers, Levels, Origins, priorityOf, Priorities, Types, worksIn } from "../../tickets/lifecycle";
import { lastQueueHref } from "../../tickets/queue-query";
import { emptyRequester, requesterInput, RequesterPicker, type RequesterDraft } from "../../tickets/requester-picker";

const FIELDS = [
  "requester",
  "requester.email",
  "requester.name",
  "requester.phone",
  "subject",
  "body",
  "departmentId",
  "type",
  "impact",
  "urgency",
  "priority",
  "assigneeId",
  "tags",
  "origin",
] as const;

/** Where an issue of the API shows: "tags.2" under the tags, "requester.customerId" under the requester. */
function fieldOf(path: string): string {
  if (path.startsWith("tags.")) return "tags";
  if (path === "requester.customerId" || path === "requester") return "requester";
  return path;
}

interface Form {
  subject: string;
  body: string;
  departmentId: string;
  type: TicketType;
  impact: TicketLevel;
  urgency: TicketLevel;
  overridePriority: boolean;
  priority: TicketPriority;
  assigneeId: string;
  tags: string[];
  origin: TicketOrigin;
}

/** /tickets/new: registers a request on a customer's behalf (by phone, in person, in a chat, or an email by hand). */
export function NewTicketPage() {
  const i18n = useI18n();
  const navigate = useNavigate();
  const { me } = useMe();
  const directory = useDirectory();
  const [requester, setRequester] = createStore<RequesterDraft>(emptyRequester());
  const [form, setForm] = createStore<Form>({
    subject: "",
    body: "",
    departmentId: "",
    type: "incident",
    impact: "medium",
    urgency: "medium",
    overridePriority: false,
    priority: "normal",
    assigneeId: "",
    tags: [],
    origin: "phone",
  });
  const [submitting, setSubmitting] = createSignal(false);
  const [failure, setFailure] = createSignal<{ error: unknown }>();
  const [missingRequester, setMissingRequester] = createSignal(false);
  let formElement: HTMLFormElement | undefined;

  // The default department (or the first one this person works) once the departments are known.
  createEffect(() => {
    const departments = directory.myDepartments();
    if (form.departmentId && departments.some((d) => d.departmentId === form.departmentId)) return;
    const chosen = departments.find((d) => d.isDefault) ?? departments[0];
    if (chosen) setForm("departmentId", chosen.departmentId);
  });

  const matrixPriority = () => priorityOf(form.impact, form.urgency);
  const assignees = createMemo(() => {
    const self = me().staff;
    const working = (directory.staff.latest ?? []).filter((s) => s.status === "active" && worksIn(s, form.departmentId));
    return assignsOthers(self.role) ? working : working.filter((s) => s.staffId === self.staffId);
  });
  // An assignee who does not work the newly chosen department is dropped.
  createEffect(() => {
    if (form.assigneeId && !assignees().some((s) => s.staffId === form.assigneeId)) setForm("assigneeId", "");
  });

  const errors = createMemo<FormErrors>(() => {
    const current = failure();
    const result = current ? formErrors(current.error, i18n, "newTicket", FIELDS, fieldOf) : { fields: {} };
    if (missingRequester()) return { ...result, fields: { ...result.fields, requester: i18n.t("newTicket.chooseCustomer") } };
    return result;
  });
  const fieldError = (field: (typeof FIELDS)[number]) => errors().fields[field];

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (submitting()) return;
    const who = requesterInput(requester);
    setFailure(undefined);
    setMissingRequester(!who);
    if (!who) {
      focusFirstInvalid(formElement);
      return;
    }
    const input: CreateTicketRequest = {
      requester: who,
      subject: form.subject,
      body: form.body,
      departmentId: form.departmentId || undefined,
      type: form.type,
      impact: form.impact,
      urgency: form.urgency,
      ...(form.overridePriority ? { priority: form.priority } : {}),
      ...(form.assigneeId ? { assigneeId: form.assigneeId } : {}),
      tags: form.tags,
      origin: form.origin,
    };
    setSubmitting(true);
    try {
      const { ticket } = await Frontline.createTicket(input);
      directory.refetchCounts();
      navigate(`/tickets/${ticket.ticketId}`);
    } catch (error) {
      setFailure({ error });
      setSubmitting(false);
      focusFirstInvalid(formElement);
    }
  };

  useShortcuts(() => [{ keys: "mod+enter", run: () => void submit(), whileTyping: true }]);

  const assigneeLabel = (staffId: string, name: string) => (staffId === me().staff.staffId ? i18n.t("common.me", { name }) : name);

  return (
    <>
      <PageHeader
        title={i18n.t("newTicket.title")}
        subtitle={i18n.t("newTicket.subtitle")}
        actions={
          <A href={lastQueueHref()} class="button button--ghost">
            {i18n.t("common.cancel")}
          </A>
        }
      />
      <Show when={directory.departments.state === "ready" && directory.myDepartments().length === 0}>
        <Notice kind="info">{i18n.t("newTicket.noDepartments")}</Notice>
      </Show>
      <form ref={formElement} class="new-ticket" onSubmit={submit} novalidate aria-busy={submitting()} data-testid="new-ticket-form">
        <div class="new-ticket__main">
          <Show when={errors().form}>
            <Notice kind="error" testId="new-ticket-error">
              {errors().form}
            </Notice>
          </Show>
          <section class="card" aria-labelledby="requester-title">
            <h2 class="card__title" id="requester-title">
              {i18n.t("newTicket.requester")}
            </h2>
            <RequesterPicker
              draft={requester}
              onChange={(patch) => {
                setRequester(patch);
                if (patch.customer || patch.mode) setMissingRequester(false);
              }}
              errors={errors().fields}
            />
            <SelectField
              id="origin"
              label={i18n.t("newTicket.origin")}
              value={form.origin}
              options={Origins.map((o) => ({ value: o, label: i18n.t(`vocab.origin.${o}`) }))}
              onValue={(v) => setForm("origin", v as TicketOrigin)}
              error={fieldError("origin")}
            />
          </section>

          <section class="card" aria-labelledby="request-title">
            <h2 class="card__title" id="request-title">
              {i18n.t("newTicket.request")}
            </h2>
            <TextField
              id="subject"
              label={i18n.t("newTicket.subject")}
              value={form.subject}
              onValue={(v) => setForm("subject", v)}
              error={fieldError("subject")}
              maxLength={200}
              required
            />
            <div class="field" classList={{ "field--invalid": Boolean(fieldError("body")) }}>
              <label class="field__label" for="body">
                {i18n.t("newTicket.description")}
              </label>
              <textarea
                id="body"
                class="input textarea"
                rows={7}
                value={form.body}
                onInput={(event) => setForm("body", event.currentTarget.value)}
                aria-invalid={fieldError("body") ? "true" : undefined}
                aria-describedby={fieldError("body") ? "body-error body-hint" : "body-hint"}
                required
              />
              <Show when={fieldError("body")}>
                <p class="field__error" id="body-error">
                  {fieldError("body")}
                </p>
              </Show>
              <p class="field__hint" id="body-hint">
                {i18n.t("newTicket.descriptionHint")}
              </p>
            </div>
          </section>
        </div>

        <aside class="new-ticket__side">
          <section class="card" aria-labelledby="classification-title">
            <h2 class="card__title" id="classification-title">
              {i18n.t("newTicket.classification")}
            </h2>
            <SelectField
              id="departmentId"
              label={i18n.t("newTicket.department")}
              value={form.departmentId}
              options={directory.myDepartments().map((d) => ({ value: d.departmentId, label: d.name }))}
              onValue={(v) => setForm("departmentId", v)}
              error={fieldError("departmentId")}
            />
            <SelectField
              id="type"
              label={i18n.t("newTicket.type")}
              value={form.type}
              options={Types.map((t) => ({ value: t, label: i18n.t(`vocab.type.${t}`) }))}
              onValue={(v) => setForm("type", v as TicketType)}
              error={fieldError("type")}
            />
            <div class="form-grid form-grid--2">
              <SelectField
                id="impact"
                label={i18n.t("newTicket.impact")}
                value={form.impact}
                options={Levels.map((l) => ({ value: l, label: i18n.t(`vocab.level.${l}`) }))}
                onValue={(v) => setForm("impact", v as TicketLevel)}
                hint={i18n.t("newTicket.impactHint")}
                error={fieldError("impact")}
              />
              <SelectField
                id="urgency"
                label={i18n.t("newTicket.urgency")}
                value={form.urgency}
                options={Levels.map((l) => ({ value: l, label: i18n.t(`vocab.level.${l}`) }))}
                onValue={(v) => setForm("urgency", v as TicketLevel)}
                hint={i18n.t("newTicket.urgencyHint")}
                error={fieldError("urgency")}
              />
            </div>
            <div class="priority-preview" data-testid="priority-preview">
              <span class="field__label">{i18n.t("newTicket.priority")}</span>
              <Show
                when={form.overridePriority}
                fallback={
                  <span class="priority-preview__value">
                    <PriorityBadge priority={matrixPriority()} testId="matrix-priority" />
                    <span class="muted small">{i18n.t("newTicket.priorityFromMatrix")}</span>
                  </span>
                }
              >
                <select
                  id="priority"
                  class="input select"
                  aria-label={i18n.t("newTicket.priority")}
                  value={form.priority}
                  onChange={(event) => setForm("priority", event.currentTarget.value as TicketPriority)}
                >
                  {Priorities.map((p) => (
                    <option value={p} selected={p === form.priority}>
                      {i18n.t(`vocab.priority.${p}`)}
                    </option>
                  ))}
                </select>
              </Show>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={form.overridePriority}
                  onChange={(event) => {
                    setForm({ overridePriority: event.currentTarget.checked, priority: matrixPriority() });
                  }}
                />
                {i18n.t("newTicket.overridePriority")}
              </label>
            </div>
            <SelectField
              id="assigneeId"
              label={i18n.t("newTicket.assignee")}
              value={form.assigneeId}
              options={[
                { value: "", label: i18n.t("newTicket.unassigned") },
                ...assignees().map((s) => ({ value: s.staffId, label: assigneeLabel(s.staffId, s.name) })),
              ]}
              onValue={(v) => setForm("assigneeId", v)}
              error={fieldError("assigneeId")}
            />
            <div class="field" classList={{ "field--invalid": Boolean(fieldError("tags")) }}>
              <label class="field__label" for="tags">
                {i18n.t("newTicket.tags")}
              </label>
              <TagInput
                id="tags"
                tags={form.tags}
                onChange={(tags) => setForm("tags", tags)}
                describedBy={fieldError("tags") ? "tags-error tags-hint" : "tags-hint"}
                invalid={Boolean(fieldError("tags"))}
              />
              <Show when={fieldError("tags")}>
                <p class="field__error" id="tags-error">
                  {fieldError("tags")}
                </p>
              </Show>
              <p class="field__hint" id="tags-hint">
                {i18n.t("tagInput.hint")}
              </p>
            </div>
          </section>
          <button type="submit" class="button button--primary button--block" disabled={submitting()} data-testid="create-ticket">
            {submitting() ? i18n.t("newTicket.submitting") : i18n.t("newTicket.submit")}
          </button>
        </aside>
      </form>
    </>
  );
}
