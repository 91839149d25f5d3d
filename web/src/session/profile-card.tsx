import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { Frontline } from "../api/client";
import { Notice } from "../components/notice";
import { SelectField } from "../components/select-field";
import { errorMessage } from "../forms/errors";
import { isLocale, Locales, useI18n, type Locale } from "../i18n";
import { timeZoneOptions } from "../sla/calendar-form";
import { currentZoneName, sameZone } from "../sla/time-zones";
import { useMe } from "./me";

/**
 * The signed-in person's own profile: the language of the console and of the mail Frontline sends them, and the time
 * zone the console and that mail tell times in (until they choose one, the workspace's). Saved with PATCH
 * /api/staff/:id, which lets anyone change these two of their own.
 */
export function ProfileCard() {
  const i18n = useI18n();
  const { me, refetch } = useMe();
  const staff = () => me().staff;
  const saved = staff().locale;
  const [locale, setLocale] = createSignal<Locale>(isLocale(saved) ? saved : i18n.locale());
  const [timeZone, setTimeZone] = createSignal(currentZoneName(staff().timeZone ?? ""));
  // Saved elsewhere too (the language menu): the form follows the profile.
  createEffect(
    on(
      () => [staff().locale, staff().timeZone] as const,
      ([savedLocale, savedZone]) => {
        if (isLocale(savedLocale)) setLocale(savedLocale);
        setTimeZone(currentZoneName(savedZone ?? ""));
      },
      { defer: true },
    ),
  );
  const [saving, setSaving] = createSignal(false);
  const [status, setStatus] = createSignal("");
  const [error, setError] = createSignal<string>();
  const zones = createMemo(() => [
    ...(staff().timeZone ? [] : [{ value: "", label: i18n.t("profile.workspaceZone", { zone: currentZoneName(me().tenant.timeZone ?? "UTC").replace(/_/g, " ") }) }]),
    ...timeZoneOptions(staff().timeZone).map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") })),
  ]);
  const dirty = () => locale() !== staff().locale || !sameZone(timeZone(), staff().timeZone ?? "");

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving() || !dirty()) return;
    setSaving(true);
    setStatus("");
    setError(undefined);
    try {
      await Frontline.updateStaff(staff().staffId, { locale: locale(), ...(timeZone() ? { timeZone: timeZone() } : {}) });
      setStatus(i18n.t("profile.saved"));
      refetch();
    } catch (caught) {
      setError(errorMessage(caught, i18n));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="card" aria-labelledby="profile-title" onSubmit={(event) => void save(event)} novalidate data-testid="profile">
      <h2 class="card__title" id="profile-title">
        {i18n.t("profile.title")}
      </h2>
      <p class="card__text">{i18n.t("profile.explain")}</p>
      <Show when={error()}>
        <Notice kind="error">{error()}</Notice>
      </Show>
      <div class="form-grid form-grid--2 form-grid--fields">
        <SelectField
          id="profile-locale"
          label={i18n.t("profile.language")}
          value={locale()}
          options={Locales.map((l) => ({ value: l, label: i18n.t(`locale.${l}`) }))}
          onValue={(value) => setLocale(value as Locale)}
        />
        <SelectField id="profile-time-zone" label={i18n.t("profile.timeZone")} value={timeZone()} options={zones()} onValue={setTimeZone} />
      </div>
      <div class="form-actions">
        <p class="muted small form-actions__status" role="status" data-testid="profile-status">
          {status()}
        </p>
        <button type="submit" class="button button--primary" disabled={saving()} aria-disabled={!dirty()} data-testid="save-profile">
          {saving() ? i18n.t("common.saving") : i18n.t("common.save")}
        </button>
      </div>
    </form>
  );
}
