import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { Frontline } from "../../api/client";
import type { Settings } from "../../api/types";
import { adminsOnly } from "../../components/admins-only";
import { CopyButton } from "../../components/copy-button";
import { Loaded, Notice } from "../../components/notice";
import { PageHeader } from "../../components/page-header";
import { SelectField } from "../../components/select-field";
import { TextField } from "../../components/text-field";
import { focusFirstInvalid, formErrors, type FormErrors } from "../../forms/errors";
import { Locales, useI18n } from "../../i18n";
import { useMe } from "../../session/me";
import { timeZoneOptions } from "../../sla/calendar-form";
import { FieldTypes, fieldKeyFor, newField, settingsChanges, settingsForm, type FieldForm, type FieldType, type SettingsForm } from "../../workspace/settings-form";

/** The most fields the customer form may ask (the core's limit). */
const MAX_FIELDS = 20;

/** /admin/settings: the workspace's name, time zone and language, its inbound address, and the customer form. */
export const SettingsPage = adminsOnly(SettingsLoader);

function SettingsLoader() {
  const i18n = useI18n();
  const [settings, { refetch, mutate }] = createResource(async () => (await Frontline.settings()).settings);
  const { refetch: refetchMe } = useMe();
  return (
    <>
      <PageHeader title={i18n.t("settings.title")} subtitle={i18n.t("settings.subtitle")} />
      <Loaded data={settings} onRetry={refetch}>
        {(loaded) => (
          <div class="sla-form">
            <AddressCard
              settings={loaded()}
              onChanged={(next) => {
                mutate(next);
                // The top bar and the workspace page read the address from /api/me.
                refetchMe();
              }}
            />
            <SettingsEditor settings={loaded()} onSaved={(next) => mutate(next)} />
          </div>
        )}
      </Loaded>
    </>
  );
}

function SettingsEditor(props: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const i18n = useI18n();
  const { refetch: refetchMe } = useMe();
  const [form, setForm] = createStore<SettingsForm>(settingsForm(props.settings));
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  const [saving, setSaving] = createSignal(false);
  const [status, setStatus] = createSignal("");
  const zones = createMemo(() => timeZoneOptions(props.settings.timeZone));
  const changes = createMemo(() => settingsChanges(form, props.settings));
  const dirty = () => Object.keys(changes()).length > 0;
  let formElement: HTMLFormElement | undefined;

  // Issues arrive by path: "name", "customerFields", "customerFields.2.key"...
  const fieldPaths = () => [
    "name",
    "timeZone",
    "locale",
    "customerFields",
    ...form.customerFields.flatMap((_, i) => ["key", "label", "type", "options"].map((part) => `customerFields.${i}.${part}`)),
  ];

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving() || !dirty()) return;
    setSaving(true);
    setErrors({ fields: {} });
    setStatus("");
    try {
      const { settings } = await Frontline.updateSettings(changes());
      setForm(reconcile(settingsForm(settings)));
      props.onSaved(settings);
      setStatus(i18n.t("settings.saved"));
      // The name in the top bar, the language of letters: the rest of the app reads them from /api/me.
      refetchMe();
    } catch (error) {
      setErrors(formErrors(error, i18n, "settings", fieldPaths()));
      focusFirstInvalid(formElement);
    } finally {
      setSaving(false);
    }
  };

  const setField = (index: number, patch: Partial<FieldForm>) => setForm("customerFields", index, patch);
  const setLabel = (index: number, label: string) => {
    const field = form.customerFields[index]!;
    setField(index, field.keyTouched ? { label } : { label, key: fieldKeyFor(label) });
  };

  return (
    <form ref={formElement} class="sla-form" onSubmit={submit} novalidate aria-busy={saving()} data-testid="settings-form">
      <Show when={errors().form}>
        <Notice kind="error" testId="settings-error">
          {errors().form}
        </Notice>
      </Show>
      <section class="card" aria-labelledby="settings-general">
        <h2 class="card__title" id="settings-general">
          {i18n.t("settings.general")}
        </h2>
        <div class="form-grid form-grid--2 form-grid--fields">
          <TextField
            id="settings-name"
            label={i18n.t("settings.name")}
            value={form.name}
            onValue={(value) => setForm("name", value)}
            error={errors().fields.name}
            maxLength={80}
          />
          <SelectField
            id="settings-time-zone"
            label={i18n.t("settings.timeZone")}
            value={form.timeZone}
            options={zones().map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
            onValue={(value) => setForm("timeZone", value)}
            error={errors().fields.timeZone}
            hint={i18n.t("settings.timeZoneHint")}
          />
          <SelectField
            id="settings-locale"
            label={i18n.t("settings.locale")}
            value={form.locale}
            options={Locales.map((locale) => ({ value: locale, label: i18n.t(`locale.${locale}`) }))}
            onValue={(value) => setForm("locale", value)}
            error={errors().fields.locale}
            hint={i18n.t("settings.localeHint")}
          />
        </div>
      </section>

      <section class="card" aria-labelledby="settings-inbound">
        <h2 class="card__title" id="settings-inbound">
          {i18n.t("settings.inbound")}
        </h2>
        <div class="inbound">
          <code class="inbound__address" data-testid="settings-inbound-address">
            {props.settings.inboundAddress}
          </code>
          <CopyButton text={props.settings.inboundAddress} testId="copy-settings-inbound" />
        </div>
        <p class="field__hint">{i18n.t("settings.inboundHint")}</p>
      </section>

      <section class="card" aria-labelledby="settings-fields" data-testid="customer-fields">
        <div class="section-head">
          <div>
            <h2 class="card__title" id="settings-fields">
              {i18n.t("settings.fields")}
            </h2>
            <p class="field__hint">{i18n.t("settings.fieldsHint")}</p>
          </div>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => setForm("customerFields", (fields) => [...fields, newField()])}
            disabled={form.customerFields.length >= MAX_FIELDS}
            data-testid="add-field"
          >
            {i18n.t("settings.addField")}
          </button>
        </div>
        <Show when={errors().fields.customerFields}>
          <p class="field__error" data-testid="customer-fields-error">
            {errors().fields.customerFields}
          </p>
        </Show>
        <Show when={form.customerFields.length > 0} fallback={<p class="muted small">{i18n.t("settings.noFields")}</p>}>
          <ol class="rules">
            <For each={form.customerFields}>
              {(field, index) => {
                const id = (part: string) => `field-${index()}-${part}`;
                const error = (part: string) => errors().fields[`customerFields.${index()}.${part}`];
                const name = () => field.label.trim() || i18n.t("settings.fieldNumber", { number: index() + 1 });
                return (
                  <li class="rule" data-testid="customer-field">
                    <div class="rule__head">
                      <span class="rule__name">{i18n.t("settings.fieldNumber", { number: index() + 1 })}</span>
                      <button
                        type="button"
                        class="button button--ghost button--small button--danger-text rule__remove"
                        onClick={() => setForm("customerFields", (fields) => fields.filter((_, i) => i !== index()))}
                        aria-label={i18n.t("settings.removeField", { name: name() })}
                      >
                        {i18n.t("settings.remove")}
                      </button>
                    </div>
                    <div class="form-grid form-grid--2">
                      <TextField id={id("label")} label={i18n.t("settings.fieldLabel")} value={field.label} onValue={(v) => setLabel(index(), v)} error={error("label")} maxLength={80} />
                      <TextField
                        id={id("key")}
                        label={i18n.t("settings.fieldKey")}
                        value={field.key}
                        onValue={(v) => setField(index(), { key: v, keyTouched: true })}
                        error={error("key")}
                        hint={i18n.t("settings.fieldKeyHint")}
                        maxLength={40}
                        spellcheck={false}
                      />
                      <SelectField
                        id={id("type")}
                        label={i18n.t("settings.fieldType")}
                        value={field.type}
                        options={FieldTypes.map((type) => ({ value: type, label: i18n.t(`settings.types.${type}`) }))}
                        onValue={(v) => setField(index(), { type: v as FieldType })}
                        error={error("type")}
                      />
                      <label class="checkbox checkbox--strong">
                        <input type="checkbox" checked={field.required} onChange={(event) => setField(index(), { required: event.currentTarget.checked })} />
                        {i18n.t("settings.fieldRequired")}
                      </label>
                    </div>
                    <Show when={field.type === "select"}>
                      <div class="field" classList={{ "field--invalid": Boolean(error("options")) }}>
                        <label class="field__label" for={id("options")}>
                          {i18n.t("settings.fieldOptions")}
                        </label>
                        <textarea
                          id={id("options")}
                          class="input textarea"
                          rows={4}
                          value={field.options}
                          onInput={(event) => setField(index(), { options: event.currentTarget.value })}
                          aria-invalid={error("options") ? "true" : undefined}
                          aria-describedby={`${id("options")}-hint${error("options") ? ` ${id("options")}-error` : ""}`}
                        />
                        <Show when={error("options")}>
                          <p class="field__error" id={`${id("options")}-error`}>
                            {error("options")}
                          </p>
                        </Show>
                        <p class="field__hint" id={`${id("options")}-hint`}>
                          {i18n.t("settings.fieldOptionsHint")}
                        </p>
                      </div>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ol>
        </Show>
      </section>

      <div class="form-actions form-actions--page">
        <p class="muted small form-actions__status" role="status" data-testid="settings-status">
          {status()}
        </p>
        <button type="submit" class="button button--primary" disabled={saving()} aria-disabled={!dirty()} data-testid="save-settings">
          {saving() ? i18n.t("common.saving") : i18n.t("settings.save")}
        </button>
      </div>
    </form>
  );
}

/**
 * The workspace's address: the one its team signs in with, and the aliases it had before (they still sign in and
 * receive mail). The owner may change it, with the sign-up's rules; it is its own form, saved on its own.
 */
function AddressCard(props: { settings: Settings; onChanged: (settings: Settings) => void }) {
  const i18n = useI18n();
  const { me } = useMe();
  const [slug, setSlug] = createSignal("");
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  const [status, setStatus] = createSignal("");
  const owner = () => me().staff.role === "owner";
  let formElement: HTMLFormElement | undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving()) return;
    setSaving(true);
    setErrors({ fields: {} });
    setStatus("");
    try {
      const { settings } = await Frontline.changeAddress(slug().trim());
      setSlug("");
      props.onChanged(settings);
      setStatus(i18n.t("settings.addressChanged", { address: settings.slug }));
    } catch (error) {
      setErrors(formErrors(error, i18n, "signup", ["slug"]));
      focusFirstInvalid(formElement, "settings-slug");
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="settings-address" data-testid="workspace-address">
      <h2 class="card__title" id="settings-address">
        {i18n.t("settings.address")}
      </h2>
      <div class="inbound">
        <code class="inbound__address" data-testid="settings-slug">
          {props.settings.slug}
        </code>
      </div>
      <p class="field__hint">{i18n.t("settings.addressHint")}</p>
      <Show when={props.settings.aliases.length > 0}>
        <h3 class="card__subtitle" id="settings-aliases">
          {i18n.t("settings.aliases")}
        </h3>
        <ul class="plain-list" aria-labelledby="settings-aliases" data-testid="settings-aliases">
          <For each={props.settings.aliases}>{(alias) => <li><code>{alias}</code></li>}</For>
        </ul>
        <p class="field__hint">{i18n.t("settings.aliasesHint")}</p>
      </Show>
      <Show when={status()}>
        <Notice kind="info" testId="address-changed">
          {status()}
        </Notice>
      </Show>
      <Show when={owner()} fallback={<p class="muted small" data-testid="address-owner-only">{i18n.t("settings.addressOwnerOnly")}</p>}>
        <form ref={formElement} class="form" onSubmit={submit} novalidate aria-busy={saving()} data-testid="address-form">
          <Show when={errors().form}>
            <Notice kind="error" testId="address-error">
              {errors().form}
            </Notice>
          </Show>
          <TextField
            id="settings-slug"
            label={i18n.t("settings.newAddress")}
            value={slug()}
            onValue={setSlug}
            error={errors().fields.slug}
            hint={i18n.t("settings.newAddressHint")}
            maxLength={40}
            spellcheck={false}
            autocomplete="off"
          />
          <div class="form-actions">
            <button type="submit" class="button button--secondary" disabled={saving() || !slug().trim()} data-testid="change-address">
              {saving() ? i18n.t("settings.changingAddress") : i18n.t("settings.changeAddress")}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
