import { createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { A, useNavigate, useParams } from "@solidjs/router";
import { Frontline } from "../../../api/client";
import type { CalendarInfo, PolicyInfo, SlaTargetName } from "../../../api/types";
import { CheckboxGroup } from "../../../components/checkbox-group";
import { LoadError, Loading, Notice } from "../../../components/notice";
import { PageHeader } from "../../../components/page-header";
import { SelectField, type SelectOption } from "../../../components/select-field";
import { TextField } from "../../../components/text-field";
import { focusFirstInvalid, formErrors } from "../../../forms/errors";
import { useI18n } from "../../../i18n";
import { useDirectory } from "../../../session/directory";
import { useMe } from "../../../session/me";
import { formatMinutes, TargetNames } from "../../../sla/countdown";
import { currentZoneName } from "../../../sla/time-zones";
import {
  ActionTypes,
  checkPolicy,
  newAction,
  newEscalation,
  newPolicyForm,
  PauseStatuses,
  policyFieldOf,
  policyForm,
  policyRequest,
  wholeNumber,
  type ActionType,
  type EscalationTarget,
  type PolicyForm,
} from "../../../sla/policy-form";
import { configures, Priorities, Types } from "../../../tickets/lifecycle";

/** /admin/sla/policies/:id (or /new): one SLA policy's form. */
export function PolicyPage() {
  const i18n = useI18n();
  const params = useParams();
  const { me } = useMe();
  const isNew = () => params.id === "new";
  const [data, { refetch }] = createResource(
    () => params.id,
    async (id) => {
      const [policies, calendars] = await Promise.all([id === "new" ? Promise.resolve({ policies: [] }) : Frontline.policies(), Frontline.calendars()]);
      return { policy: policies.policies.find((p) => p.policyId === id), calendars: calendars.calendars };
    },
  );

  return (
    <>
      <A href="/admin/sla/policies" class="back-link">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path fill="currentColor" d="M12.7 5.3a1 1 0 0 1 0 1.4L9.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4l-4-4a1 1 0 0 1 0-1.4l4-4a1 1 0 0 1 1.4 0Z" />
        </svg>
        {i18n.t("slaAdmin.policy.back")}
      </A>
      <Show when={!configures(me().staff.role)} fallback={null}>
        <Notice kind="info" testId="sla-admins-only">
          {i18n.t("slaAdmin.onlyAdmins")}
        </Notice>
      </Show>
      <Switch fallback={<Loading />}>
        <Match when={data.error}>
          <LoadError error={data.error} onRetry={refetch} />
        </Match>
        <Match when={data.latest && !isNew() && !data.latest.policy}>
          <Notice kind="error" testId="policy-not-found">
            {i18n.t("slaAdmin.policy.notFound")}
          </Notice>
        </Match>
        <Match when={data.latest}>
          {(loaded) => (
            <Show when={params.id} keyed>
              <PolicyEditor policy={loaded().policy} calendars={loaded().calendars} />
            </Show>
          )}
        </Match>
      </Switch>
    </>
  );
}

function PolicyEditor(props: { policy: PolicyInfo | undefined; calendars: CalendarInfo[] }) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const { me } = useMe();
  const directory = useDirectory();
  const manages = () => configures(me().staff.role);
  const [form, setForm] = createStore<PolicyForm>(props.policy ? policyForm(props.policy) : newPolicyForm(props.calendars[0]?.calendarId));
  const [errors, setErrors] = createSignal<{ fields: Record<string, string>; form?: string }>({ fields: {} });
  const [saving, setSaving] = createSignal(false);
  let formElement: HTMLFormElement | undefined;
  const error = (path: string) => errors().fields[path];
  const units = () => ({ d: i18n.t("sla.units.d"), h: i18n.t("sla.units.h"), min: i18n.t("sla.units.min"), s: i18n.t("sla.units.s") });

  const departments = createMemo(() => (directory.departments.latest ?? []).filter((d) => !d.archivedAt || form.departmentIds.includes(d.departmentId)));
  const activeStaff = createMemo(() => (directory.staff.latest ?? []).filter((s) => s.status === "active"));
  const targetOptions = (): SelectOption[] => [
    { value: "any", label: i18n.t("slaAdmin.policy.anyTarget") },
    ...TargetNames.map((t) => ({ value: t, label: i18n.t(`sla.targets.${t}`) })),
  ];

  /** Every place an issue may show, for spreading the API's issues over the form. */
  const fieldKeys = () => [
    "name",
    "active",
    "match.priorities",
    "match.types",
    "match.departmentIds",
    "targets",
    ...TargetNames.map((t) => `targets.${t}`),
    "hours",
    "calendarId",
    "pauseOn",
    "warnPercent",
    "escalations",
    ...form.escalations.flatMap((e, i) => [
      `escalations.${i}`,
      `escalations.${i}.on`,
      `escalations.${i}.target`,
      `escalations.${i}.actions`,
      ...e.actions.map((_, a) => `escalations.${i}.actions.${a}`),
    ]),
  ];

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving() || !manages()) return;
    const problems = checkPolicy(form);
    if (Object.keys(problems).length) {
      setErrors({ fields: Object.fromEntries(Object.entries(problems).map(([path, code]) => [path, i18n.t(`slaAdmin.check.${code}`)])) });
      focusFirstInvalid(formElement);
      return;
    }
    setSaving(true);
    setErrors({ fields: {} });
    try {
      const body = policyRequest(form);
      if (props.policy) await Frontline.updatePolicy(props.policy.policyId, body);
      else await Frontline.createPolicy(body);
      navigate("/admin/sla/policies");
    } catch (failure) {
      setErrors(formErrors(failure, i18n, "policy", fieldKeys(), policyFieldOf));
      setSaving(false);
      focusFirstInvalid(formElement);
    }
  };

  const setAction = (e: number, a: number, type: ActionType) => setForm("escalations", e, "actions", a, newAction(type));

  return (
    <form ref={formElement} class="sla-form" onSubmit={submit} novalidate aria-busy={saving()} data-testid="policy-form">
      <PageHeader title={props.policy ? i18n.t("slaAdmin.policy.editTitle", { name: props.policy.name }) : i18n.t("slaAdmin.policy.newTitle")} />
      <Show when={errors().form}>
        <Notice kind="error" testId="policy-error">
          {errors().form}
        </Notice>
      </Show>
      <fieldset class="sla-form__fieldset" disabled={!manages()}>
        <div class="sla-form__grid">
          <section class="card" aria-labelledby="policy-basics">
            <h2 class="card__title" id="policy-basics">
              {i18n.t("slaAdmin.policy.basics")}
            </h2>
            <TextField
              id="name"
              label={i18n.t("slaAdmin.policy.name")}
              value={form.name}
              onValue={(v) => setForm("name", v)}
              placeholder={i18n.t("slaAdmin.policy.namePlaceholder")}
              error={error("name")}
              maxLength={80}
            />
            <label class="checkbox checkbox--strong">
              <input type="checkbox" checked={form.active} onChange={(event) => setForm("active", event.currentTarget.checked)} data-testid="policy-active" />
              {i18n.t("slaAdmin.policy.active")}
            </label>
            <p class="field__hint">{i18n.t("slaAdmin.policy.activeHint")}</p>

            <h3 class="card__subtitle">{i18n.t("slaAdmin.policy.match")}</h3>
            <p class="field__hint">{i18n.t("slaAdmin.policy.matchHint")}</p>
            <CheckboxGroup
              id="match-priorities"
              legend={i18n.t("slaAdmin.policy.priorities")}
              emptyLabel={i18n.t("slaAdmin.policy.anyChosen")}
              options={Priorities.map((p) => ({ value: p, label: i18n.t(`vocab.priority.${p}`) }))}
              values={form.priorities}
              onChange={(values) => setForm("priorities", values as PolicyForm["priorities"])}
              error={error("match.priorities")}
              testId="match-priorities"
            />
            <CheckboxGroup
              id="match-types"
              legend={i18n.t("slaAdmin.policy.types")}
              emptyLabel={i18n.t("slaAdmin.policy.anyChosen")}
              options={Types.map((t) => ({ value: t, label: i18n.t(`vocab.type.${t}`) }))}
              values={form.types}
              onChange={(values) => setForm("types", values as PolicyForm["types"])}
              error={error("match.types")}
              testId="match-types"
            />
            <CheckboxGroup
              id="match-departments"
              legend={i18n.t("slaAdmin.policy.departments")}
              emptyLabel={i18n.t("slaAdmin.policy.anyChosen")}
              options={departments().map((d) => ({ value: d.departmentId, label: d.name }))}
              values={form.departmentIds}
              onChange={(values) => setForm("departmentIds", values)}
              error={error("match.departmentIds")}
              testId="match-departments"
            />
          </section>

          <div class="sla-form__column">
            <section class="card" aria-labelledby="policy-targets">
              <h2 class="card__title" id="policy-targets">
                {i18n.t("slaAdmin.policy.targets")}
              </h2>
              <p class="field__hint">{i18n.t("slaAdmin.policy.targetsHint")}</p>
              <Show when={error("targets")}>
                <p class="field__error" data-testid="targets-error">
                  {error("targets")}
                </p>
              </Show>
              <div class="targets">
                <For each={TargetNames}>
                  {(target: SlaTargetName) => {
                    const minutes = () => wholeNumber(form.targets[target]);
                    const id = `target-${target}`;
                    return (
                      <div class="target-row" classList={{ "field--invalid": Boolean(error(`targets.${target}`)) }}>
                        <label class="target-row__label" for={id}>
                          {i18n.t(`sla.targets.${target}`)}
                        </label>
                        <div class="target-row__input">
                          <input
                            id={id}
                            class="input input--number"
                            inputMode="numeric"
                            value={form.targets[target]}
                            onInput={(event) => setForm("targets", target, event.currentTarget.value)}
                            aria-invalid={error(`targets.${target}`) ? "true" : undefined}
                            aria-describedby={`${id}-hint${error(`targets.${target}`) ? ` ${id}-error` : ""}`}
                            maxLength={6}
                          />
                          <span class="muted small">{i18n.t("slaAdmin.policy.minutes")}</span>
                        </div>
                        <span class="target-row__hint muted small" id={`${id}-hint`} data-testid={`${id}-hours`}>
                          {minutes() ? `= ${formatMinutes(minutes()!, units())}` : ""}
                        </span>
                        <Show when={error(`targets.${target}`)}>
                          <p class="field__error target-row__error" id={`${id}-error`}>
                            {error(`targets.${target}`)}
                          </p>
                        </Show>
                      </div>
                    );
                  }}
                </For>
              </div>
            </section>

            <section class="card" aria-labelledby="policy-hours">
              <h2 class="card__title" id="policy-hours">
                {i18n.t("slaAdmin.policy.hours")}
              </h2>
              <div class="radio-cards" role="radiogroup" aria-labelledby="policy-hours">
                <label class="radio-card" classList={{ "radio-card--on": form.hours === "business" }}>
                  <input type="radio" name="hours" value="business" checked={form.hours === "business"} onChange={() => setForm("hours", "business")} />
                  <span>
                    <span class="strong">{i18n.t("slaAdmin.policy.business")}</span>
                    <span class="cell-line small muted">{i18n.t("slaAdmin.policy.businessHint")}</span>
                  </span>
                </label>
                <label class="radio-card" classList={{ "radio-card--on": form.hours === "calendar" }}>
                  <input type="radio" name="hours" value="calendar" checked={form.hours === "calendar"} onChange={() => setForm("hours", "calendar")} />
                  <span>
                    <span class="strong">{i18n.t("slaAdmin.policy.calendarTime")}</span>
                    <span class="cell-line small muted">{i18n.t("slaAdmin.policy.calendarTimeHint")}</span>
                  </span>
                </label>
              </div>
              <Show when={form.hours === "business"}>
                <Show
                  when={props.calendars.length > 0}
                  fallback={
                    <Notice kind={error("calendarId") ? "error" : "info"}>
                      {i18n.t("slaAdmin.policy.noCalendars")}{" "}
                      <A href="/admin/sla/calendars/new">{i18n.t("slaAdmin.policy.createCalendar")}</A>
                    </Notice>
                  }
                >
                  <SelectField
                    id="calendarId"
                    label={i18n.t("slaAdmin.policy.calendarId")}
                    value={form.calendarId}
                    options={[
                      { value: "", label: i18n.t("slaAdmin.policy.chooseCalendar"), disabled: true },
                      ...props.calendars.map((c) => ({ value: c.calendarId, label: `${c.name} (${currentZoneName(c.timeZone)})` })),
                    ]}
                    onValue={(v) => setForm("calendarId", v)}
                    error={error("calendarId")}
                  />
                </Show>
              </Show>
              <CheckboxGroup
                id="pause-on"
                legend={i18n.t("slaAdmin.policy.pauseOn")}
                options={PauseStatuses.map((s) => ({ value: s, label: i18n.t(`vocab.status.${s}`) }))}
                values={form.pauseOn}
                onChange={(values) => setForm("pauseOn", values as PolicyForm["pauseOn"])}
                error={error("pauseOn")}
              />
              <div class="field" classList={{ "field--invalid": Boolean(error("warnPercent")) }}>
                <label class="field__label" for="warnPercent">
                  {i18n.t("slaAdmin.policy.warnPercent")}
                </label>
                <div class="target-row__input">
                  <input
                    id="warnPercent"
                    class="input input--number"
                    inputMode="numeric"
                    value={form.warnPercent}
                    maxLength={2}
                    onInput={(event) => setForm("warnPercent", event.currentTarget.value)}
                    aria-invalid={error("warnPercent") ? "true" : undefined}
                    aria-describedby={error("warnPercent") ? "warnPercent-error warnPercent-hint" : "warnPercent-hint"}
                  />
                  <span class="muted small">%</span>
                </div>
                <Show when={error("warnPercent")}>
                  <p class="field__error" id="warnPercent-error">
                    {error("warnPercent")}
                  </p>
                </Show>
                <p class="field__hint" id="warnPercent-hint">
                  {i18n.t("slaAdmin.policy.warnHint")}
                </p>
              </div>
            </section>
          </div>
        </div>

        <section class="card" aria-labelledby="policy-escalations" data-testid="escalations">
          <div class="section-head">
            <div>
              <h2 class="card__title" id="policy-escalations">
                {i18n.t("slaAdmin.policy.escalations")}
              </h2>
              <p class="field__hint">{i18n.t("slaAdmin.policy.escalationsHint")}</p>
            </div>
            <button type="button" class="button button--secondary button--small" onClick={() => setForm("escalations", (list) => [...list, newEscalation()])} data-testid="add-rule">
              {i18n.t("slaAdmin.policy.addRule")}
            </button>
          </div>
          <Show when={form.escalations.length === 0}>
            <p class="muted small">{i18n.t("slaAdmin.policy.noEscalations")}</p>
          </Show>
          <ol class="rules">
            <For each={form.escalations}>
              {(rule, e) => (
                <li class="rule" data-testid="rule">
                  <div class="rule__head">
                    <span class="rule__name">{i18n.t("slaAdmin.policy.rule", { number: e() + 1 })}</span>
                    <SelectField
                      id={`rule-${e()}-on`}
                      compact
                      label={i18n.t("slaAdmin.policy.on")}
                      value={rule.on}
                      options={[
                        { value: "warning", label: i18n.t("slaAdmin.policy.onWarning") },
                        { value: "breach", label: i18n.t("slaAdmin.policy.onBreach") },
                      ]}
                      onValue={(v) => setForm("escalations", e(), "on", v === "warning" ? "warning" : "breach")}
                      testId="rule-on"
                    />
                    <SelectField
                      id={`rule-${e()}-target`}
                      compact
                      label={i18n.t("slaAdmin.policy.of")}
                      value={rule.target}
                      options={targetOptions()}
                      onValue={(v) => setForm("escalations", e(), "target", v as EscalationTarget)}
                      testId="rule-target"
                    />
                    <button
                      type="button"
                      class="button button--ghost button--small button--danger-text rule__remove"
                      onClick={() => setForm("escalations", (list) => list.filter((_, i) => i !== e()))}
                    >
                      {i18n.t("slaAdmin.policy.removeRule", { number: e() + 1 })}
                    </button>
                  </div>
                  <p class="rule__then">{i18n.t("slaAdmin.policy.then")}</p>
                  <ul class="rule__actions">
                    <For each={rule.actions}>
                      {(action, a) => {
                        const path = () => `escalations.${e()}.actions.${a()}`;
                        const id = () => `rule-${e()}-action-${a()}`;
                        return (
                          <li class="rule__action" classList={{ "field--invalid": Boolean(error(path())) }} data-testid="rule-action">
                            <div class="rule__action-main">
                              <SelectField
                                id={`${id()}-type`}
                                compact
                                label={i18n.t("slaAdmin.policy.action")}
                                value={action.type}
                                options={ActionTypes.map((t) => ({ value: t, label: i18n.t(`slaAdmin.policy.actionTypes.${t}`) }))}
                                onValue={(v) => setAction(e(), a(), v as ActionType)}
                                testId="action-type"
                              />
                              <Show when={action.type === "reassign"}>
                                <SelectField
                                  id={`${id()}-department`}
                                  compact
                                  label={i18n.t("slaAdmin.policy.toDepartment")}
                                  value={action.departmentId}
                                  options={[
                                    { value: "", label: i18n.t("slaAdmin.policy.keep") },
                                    ...departments().map((d) => ({ value: d.departmentId, label: d.name })),
                                  ]}
                                  onValue={(v) => setForm("escalations", e(), "actions", a(), "departmentId", v)}
                                />
                                <SelectField
                                  id={`${id()}-assignee`}
                                  compact
                                  label={i18n.t("slaAdmin.policy.toPerson")}
                                  value={action.assigneeId}
                                  options={[{ value: "", label: i18n.t("slaAdmin.policy.keep") }, ...activeStaff().map((s) => ({ value: s.staffId, label: s.name }))]}
                                  onValue={(v) => setForm("escalations", e(), "actions", a(), "assigneeId", v)}
                                />
                              </Show>
                              <button
                                type="button"
                                class="icon-button rule__action-remove"
                                aria-label={i18n.t("slaAdmin.policy.removeAction")}
                                title={i18n.t("slaAdmin.policy.removeAction")}
                                onClick={() =>
                                  setForm(
                                    "escalations",
                                    e(),
                                    "actions",
                                    produce((actions) => void actions.splice(a(), 1)),
                                  )
                                }
                              >
                                <svg viewBox="0 0 20 20" aria-hidden="true">
                                  <path fill="currentColor" d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
                                </svg>
                              </button>
                            </div>
                            <Show when={action.type === "notify_staff"}>
                              <CheckboxGroup
                                id={`${id()}-staff`}
                                legend={i18n.t("slaAdmin.policy.people")}
                                options={activeStaff().map((s) => ({ value: s.staffId, label: s.name }))}
                                values={action.staffIds}
                                onChange={(values) => setForm("escalations", e(), "actions", a(), "staffIds", values)}
                              />
                            </Show>
                            <Show when={error(path())}>
                              <p class="field__error">{error(path())}</p>
                            </Show>
                          </li>
                        );
                      }}
                    </For>
                  </ul>
                  <Show when={error(`escalations.${e()}.actions`)}>
                    <p class="field__error">{error(`escalations.${e()}.actions`)}</p>
                  </Show>
                  <button
                    type="button"
                    class="button button--ghost button--small rule__add"
                    onClick={() => setForm("escalations", e(), "actions", (actions) => [...actions, newAction(nextActionType(actions.map((x) => x.type)))])}
                    data-testid="add-action"
                  >
                    + {i18n.t("slaAdmin.policy.addAction")}
                  </button>
                </li>
              )}
            </For>
          </ol>
        </section>
      </fieldset>
      <Show when={manages()}>
        <div class="form-actions form-actions--page">
          <A href="/admin/sla/policies" class="button button--ghost">
            {i18n.t("common.cancel")}
          </A>
          <button type="submit" class="button button--primary" disabled={saving()} data-testid="save-policy">
            {saving() ? i18n.t("slaAdmin.policy.saving") : props.policy ? i18n.t("slaAdmin.policy.save") : i18n.t("slaAdmin.policy.create")}
          </button>
        </div>
      </Show>
    </form>
  );
}

/** A rule's next action: the first kind it does not have yet. */
function nextActionType(present: readonly ActionType[]): ActionType {
  return ActionTypes.find((t) => !present.includes(t)) ?? "notify_assignee";
}
