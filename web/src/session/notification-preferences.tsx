import { createResource, createSignal, For, Show } from "solid-js";
import { Frontline } from "../api/client";
import type { NotificationKind, NotificationPreferences } from "../api/types";
import { Notice } from "../components/notice";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";

/** The kinds, in the order the form lists them. */
const KINDS: NotificationKind[] = ["assigned", "queue", "reply", "mention", "follow", "sla"];
const CHANNELS = ["bell", "mail"] as const;

/**
 * The signed-in person's notifications, per kind: in the bell and by mail, each on or off. Read from and saved to
 * /api/notifications/preferences; the letters' "choose which notifications you get" link comes here (#notifications).
 */
export function NotificationPreferencesCard() {
  const i18n = useI18n();
  const [failed, setFailed] = createSignal(false);
  const [saved, { mutate }] = createResource(async () => {
    try {
      return (await Frontline.notificationPreferences()).preferences;
    } catch {
      setFailed(true);
      return undefined;
    }
  });
  const [draft, setDraft] = createSignal<NotificationPreferences>();
  const [saving, setSaving] = createSignal(false);
  const [status, setStatus] = createSignal("");
  const [error, setError] = createSignal<string>();
  const current = () => draft() ?? saved.latest;
  const dirty = () => Boolean(draft()) && JSON.stringify(draft()) !== JSON.stringify(saved.latest);

  const set = (kind: NotificationKind, channel: (typeof CHANNELS)[number], on: boolean) => {
    const base = current();
    if (!base) return;
    setStatus("");
    setDraft({ ...base, [kind]: { ...base[kind], [channel]: on } });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const next = draft();
    if (saving() || !next || !dirty()) return;
    setSaving(true);
    setStatus("");
    setError(undefined);
    try {
      const answer = await Frontline.saveNotificationPreferences(next);
      mutate(answer.preferences);
      setDraft(undefined);
      setStatus(i18n.t("notifyPrefs.saved"));
    } catch (caught) {
      setError(errorMessage(caught, i18n));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="card" id="notifications" aria-labelledby="notify-prefs-title" onSubmit={(event) => void save(event)} novalidate data-testid="notification-preferences">
      <h2 class="card__title" id="notify-prefs-title">
        {i18n.t("notifyPrefs.title")}
      </h2>
      <p class="card__text">{i18n.t("notifyPrefs.explain")}</p>
      <Show when={failed()}>
        <Notice kind="error">{i18n.t("notifyPrefs.failed")}</Notice>
      </Show>
      <Show when={error()}>
        <Notice kind="error">{error()}</Notice>
      </Show>
      <Show when={current()}>
        {(prefs) => (
          <table class="notify-prefs">
            <thead>
              <tr>
                <th scope="col">{i18n.t("notifyPrefs.kind")}</th>
                <For each={CHANNELS}>
                  {(channel) => (
                    <th scope="col" id={`notify-col-${channel}`} class="notify-prefs__channel">
                      {i18n.t(`notifyPrefs.channels.${channel}`)}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={KINDS}>
                {(kind) => (
                  <tr data-testid={`notify-kind-${kind}`}>
                    <th scope="row" id={`notify-row-${kind}`} class="notify-prefs__kind">
                      <span class="notify-prefs__name">{i18n.t(`notifyPrefs.kinds.${kind}.name`)}</span>
                      <span class="notify-prefs__hint muted small">{i18n.t(`notifyPrefs.kinds.${kind}.hint`)}</span>
                    </th>
                    <For each={CHANNELS}>
                      {(channel) => (
                        <td class="notify-prefs__channel">
                          <input
                            type="checkbox"
                            id={`notify-${kind}-${channel}`}
                            aria-label={i18n.t("notifyPrefs.toggle", { kind: i18n.t(`notifyPrefs.kinds.${kind}.name`), channel: i18n.t(`notifyPrefs.channels.${channel}`) })}
                            checked={prefs()[kind][channel]}
                            onChange={(event) => set(kind, channel, event.currentTarget.checked)}
                            data-testid={`notify-${kind}-${channel}`}
                          />
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Show>
      <div class="form-actions">
        <p class="muted small form-actions__status" role="status" data-testid="notify-prefs-status">
          {status()}
        </p>
        <button type="submit" class="button button--primary" disabled={saving() || !current()} aria-disabled={!dirty()} data-testid="save-notify-prefs">
          {saving() ? i18n.t("common.saving") : i18n.t("common.save")}
        </button>
      </div>
    </form>
  );
}
