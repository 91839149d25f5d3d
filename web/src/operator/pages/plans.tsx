import { createResource, createSignal, For, Index, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { Notice } from "../../components/notice";
import { PageHeader } from "../../components/page-header";
import { TextField } from "../../components/text-field";
import { focusFirstInvalid, type FormErrors } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { formatAmountInput, parseAmount } from "../amount";
import { OperatorApi, type PlanInfo, type PlanUpdate } from "../client";
import { operatorFormErrors } from "../form-errors";
import { OperatorLoaded } from "../loaded";

/** /operator/plans: the plan catalogue, each plan's price per day, limits and add-on prices, edited in place. */
export function OperatorPlansPage() {
  const i18n = useI18n();
  const [data, { refetch }] = createResource(() => OperatorApi.plans());
  const [announcement, setAnnouncement] = createSignal("");
  return (
    <>
      <PageHeader title={i18n.t("operator.plans.title")} subtitle={i18n.t("operator.plans.subtitle")} />
      <p class="sr-only" role="status" data-testid="plans-announcement">
        {announcement()}
      </p>
      <OperatorLoaded data={data} onRetry={refetch}>
        {(current) => (
          <div class="operator-plans">
            <For each={current().plans}>{(plan) => <PlanForm plan={plan} onSaved={(saved) => setAnnouncement(i18n.t("operator.plans.saved", { name: saved.name }))} />}</For>
          </div>
        )}
      </OperatorLoaded>
    </>
  );
}

/** A limit as typed: empty is unlimited (null), else a whole number from 1; undefined when it is neither. */
export function parseLimit(text: string): number | null | undefined {
  const value = text.trim();
  if (!value) return null;
  return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 100_000 ? Number(value) : undefined;
}

type AddOnId = NonNullable<PlanUpdate["addOns"]>[number]["addOnId"];

interface Draft {
  name: string;
  price: string;
  staffLimit: string;
  dailyTicketLimit: string;
  addOns: { addOnId: AddOnId; name: string; price: string }[];
}

function draftOf(plan: PlanInfo): Draft {
  const money = (minor: number) => formatAmountInput(minor, plan.currency);
  const limit = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  return {
    name: plan.name,
    price: money(plan.pricePerDayMinor),
    staffLimit: limit(plan.staffLimit),
    dailyTicketLimit: limit(plan.dailyTicketLimit),
    addOns: (plan.addOns ?? []).map((a) => ({ addOnId: a.addOnId as AddOnId, name: a.name, price: money(a.pricePerDayMinor) })),
  };
}

function PlanForm(props: { plan: PlanInfo; onSaved: (plan: PlanInfo) => void }) {
  const i18n = useI18n();
  const [plan, setPlan] = createSignal(props.plan);
  const [draft, setDraft] = createStore<Draft>(draftOf(props.plan));
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  const id = (field: string) => `plan-${plan().planId}-${field}`;
  const currency = () => plan().currency;
  let form: HTMLFormElement | undefined;

  /** The PUT body from the draft, or the fields that are wrong. */
  const read = (): { update: PlanUpdate } | { fields: Record<string, string> } => {
    const fields: Record<string, string> = {};
    const price = parseAmount(draft.price, currency());
    const staffLimit = parseLimit(draft.staffLimit);
    const dailyTicketLimit = parseLimit(draft.dailyTicketLimit);
    if (!draft.name.trim()) fields.name = i18n.t("operator.plans.missingName");
    if (price === undefined || price < 0) fields.pricePerDayMinor = i18n.t("operator.plans.invalidPrice");
    if (staffLimit === undefined) fields.staffLimit = i18n.t("operator.plans.invalidLimit");
    if (dailyTicketLimit === undefined) fields.dailyTicketLimit = i18n.t("operator.plans.invalidLimit");
    const addOns = draft.addOns.map((a, index) => {
      const minor = parseAmount(a.price, currency());
      if (minor === undefined || minor < 0) fields[`addOns.${index}`] = i18n.t("operator.plans.invalidPrice");
      return { addOnId: a.addOnId, name: a.name, pricePerDayMinor: minor ?? 0 };
    });
    if (Object.keys(fields).length) return { fields };
    return { update: { name: draft.name.trim(), pricePerDayMinor: price!, staffLimit: staffLimit!, dailyTicketLimit: dailyTicketLimit!, addOns } };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving()) return;
    const result = read();
    if ("fields" in result) {
      setErrors({ fields: result.fields });
      focusFirstInvalid(form);
      return;
    }
    setErrors({ fields: {} });
    setSaving(true);
    try {
      const saved = (await OperatorApi.updatePlan(plan().planId, result.update)).plan;
      setPlan(saved);
      setDraft(draftOf(saved));
      props.onSaved(saved);
    } catch (error) {
      // "addOns.1.pricePerDayMinor" belongs under the second add-on's price.
      const paths: Record<string, string> = { name: "name", pricePerDayMinor: "pricePerDayMinor", staffLimit: "staffLimit", dailyTicketLimit: "dailyTicketLimit" };
      draft.addOns.forEach((_, index) => (paths[`addOns.${index}.pricePerDayMinor`] = `addOns.${index}`));
      setErrors(operatorFormErrors(error, i18n, paths));
      focusFirstInvalid(form);
    } finally {
      setSaving(false);
    }
  };

  const features = () => plan().features ?? [];
  return (
    <section class="card" aria-labelledby={id("title")} data-testid="plan-card" data-plan={plan().planId}>
      <h2 class="card__subtitle" id={id("title")}>
        {plan().name}{" "}
        <span class="muted" data-testid="plan-price">
          {i18n.t("operator.plans.perDay", { price: i18n.money(plan().pricePerDayMinor, currency()) })}
        </span>
      </h2>
      <form ref={form} class="operator-form" onSubmit={submit} novalidate aria-label={i18n.t("operator.plans.formLabel", { name: plan().name })}>
        <Show when={errors().form}>
          <Notice kind="error" testId="plan-error">
            {errors().form}
          </Notice>
        </Show>
        <div class="operator-form__row">
          <TextField id={id("name")} label={i18n.t("operator.plans.name")} value={draft.name} onValue={(v) => setDraft("name", v)} error={errors().fields.name} maxLength={60} />
          <TextField
            id={id("price")}
            label={i18n.t("operator.plans.pricePerDay", { currency: currency() })}
            value={draft.price}
            onValue={(v) => setDraft("price", v)}
            error={errors().fields.pricePerDayMinor}
            spellcheck={false}
            maxLength={20}
          />
        </div>
        <div class="operator-plan__limits">
          <TextField
            id={id("staff")}
            label={i18n.t("operator.plans.staffLimit")}
            value={draft.staffLimit}
            onValue={(v) => setDraft("staffLimit", v)}
            error={errors().fields.staffLimit}
            hint={i18n.t("operator.plans.limitHint")}
            maxLength={6}
          />
          <TextField
            id={id("tickets")}
            label={i18n.t("operator.plans.dailyTicketLimit")}
            value={draft.dailyTicketLimit}
            onValue={(v) => setDraft("dailyTicketLimit", v)}
            error={errors().fields.dailyTicketLimit}
            hint={i18n.t("operator.plans.limitHint")}
            maxLength={6}
          />
        </div>
        <fieldset class="operator-plan__addons">
          <legend>{i18n.t("operator.plans.addOns")}</legend>
          <Show when={draft.addOns.length > 0} fallback={<p class="small muted">{i18n.t("operator.plans.noAddOns")}</p>}>
            <Index each={draft.addOns}>
              {(addOn, index) => (
                <TextField
                  id={id(`addon-${addOn().addOnId}`)}
                  label={i18n.t("operator.plans.addOnPrice", { name: addOn().name, currency: currency() })}
                  value={addOn().price}
                  onValue={(v) => setDraft("addOns", index, "price", v)}
                  error={errors().fields[`addOns.${index}`]}
                  spellcheck={false}
                  maxLength={20}
                />
              )}
            </Index>
          </Show>
        </fieldset>
        <p class="small muted" data-testid="plan-features">
          {i18n.t("operator.plans.features")}:{" "}
          {features().length ? features().map((f) => i18n.lookup(`operator.plans.featureNames.${f}`) ?? f).join(", ") : i18n.t("operator.plans.noFeatures")}
        </p>
        <div class="operator-form__actions">
          <button type="submit" class="button button--primary" disabled={saving()}>
            {saving() ? i18n.t("operator.plans.saving") : i18n.t("operator.plans.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
