import { createResource, createSignal, For, Show } from "solid-js";
import { Frontline } from "../../../api/client";
import type { StopEntry } from "../../../api/types";
import { Loaded, Notice } from "../../../components/notice";
import { PageHeader } from "../../../components/page-header";
import { TableScroll } from "../../../components/table-scroll";
import { TextField } from "../../../components/text-field";
import { errorMessage, focusFirstInvalid, formErrors, type FormErrors } from "../../../forms/errors";
import { useI18n } from "../../../i18n";
import { useMe } from "../../../session/me";
import { configures } from "../../../tickets/lifecycle";

/** /admin/mail/stop-list: addresses and domains whose mail is recorded and ignored; admins add and remove them. */
export function StopListPage() {
  const i18n = useI18n();
  const { me } = useMe();
  const manages = () => configures(me().staff.role);
  const [entries, { refetch, mutate }] = createResource(async () => (await Frontline.stopList()).entries);
  const [removeError, setRemoveError] = createSignal<string>();
  const [removing, setRemoving] = createSignal<string>();
  const [announcement, setAnnouncement] = createSignal("");

  const remove = async (entry: StopEntry) => {
    setRemoving(entry.value);
    setRemoveError(undefined);
    try {
      await Frontline.removeStop(entry.value);
      mutate((current) => (current ?? []).filter((e) => e.value !== entry.value));
    } catch (error) {
      setRemoveError(errorMessage(error, i18n));
    } finally {
      setRemoving(undefined);
    }
  };

  return (
    <>
      <PageHeader title={i18n.t("stopList.title")} subtitle={i18n.t("stopList.subtitle")} />
      <Show when={!manages()}>
        <Notice kind="info" testId="stop-list-admins-only">
          {i18n.t("stopList.onlyAdmins")}
        </Notice>
      </Show>
      <p class="sr-only" role="status">
        {announcement()}
      </p>
      <Show when={manages()}>
        <AddStopForm
          onAdded={(entry) => {
            mutate((current) => [...(current ?? []).filter((e) => e.value !== entry.value), entry].sort((a, b) => a.value.localeCompare(b.value)));
            setAnnouncement(i18n.t("stopList.added", { value: entry.value }));
          }}
        />
      </Show>
      <section class="card card--flush" aria-label={i18n.t("stopList.title")}>
        <Show when={removeError()}>
          <div class="card__body card__body--top">
            <Notice kind="error" testId="stop-list-error">
              {removeError()}
            </Notice>
          </div>
        </Show>
        <Loaded data={entries} onRetry={refetch} frame={(content) => <div class="card__body card__body--top">{content}</div>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="empty empty--center" data-testid="stop-list-empty">{i18n.t("stopList.empty")}</p>}>
              <TableScroll label={i18n.t("stopList.title")}>
                <table class="table" data-testid="stop-list-table">
                  <thead>
                    <tr>
                      <th scope="col">{i18n.t("stopList.columns.value")}</th>
                      <th scope="col">{i18n.t("stopList.columns.note")}</th>
                      <th scope="col" class="table__nowrap">{i18n.t("stopList.columns.added")}</th>
                      <Show when={manages()}>
                        <th scope="col" class="table__actions">
                          <span class="sr-only">{i18n.t("stopList.columns.actions")}</span>
                        </th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(entry) => (
                        <tr data-testid="stop-row" data-value={entry.value}>
                          <td class="strong mono">{entry.value}</td>
                          <td class="muted">{entry.note || i18n.t("common.none")}</td>
                          <td class="table__nowrap">
                            {i18n.date(entry.createdAt)}
                            <span class="cell-line small muted">{i18n.t("stopList.addedBy", { name: entry.createdBy })}</span>
                          </td>
                          <Show when={manages()}>
                            <td class="table__actions">
                              <button
                                type="button"
                                class="button button--ghost button--small button--danger-text"
                                onClick={() => void remove(entry)}
                                disabled={removing() === entry.value}
                                aria-label={i18n.t("stopList.removeLabel", { value: entry.value })}
                              >
                                {i18n.t("stopList.remove")}
                              </button>
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
            </Show>
          )}
        </Loaded>
      </section>
    </>
  );
}

const FIELDS = ["value", "note"] as const;

function AddStopForm(props: { onAdded: (entry: StopEntry) => void }) {
  const i18n = useI18n();
  const [value, setValue] = createSignal("");
  const [note, setNote] = createSignal("");
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  let form: HTMLFormElement | undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving()) return;
    if (!value().trim()) {
      setErrors({ fields: { value: i18n.t("stopList.missing") } });
      focusFirstInvalid(form);
      return;
    }
    setSaving(true);
    setErrors({ fields: {} });
    try {
      const { entry } = await Frontline.addStop({ value: value().trim(), ...(note().trim() ? { note: note().trim() } : {}) });
      setValue("");
      setNote("");
      props.onAdded(entry);
    } catch (error) {
      setErrors(formErrors(error, i18n, "stopList", FIELDS));
      focusFirstInvalid(form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="stop-add-title">
      <h2 class="card__title" id="stop-add-title">
        {i18n.t("stopList.add")}
      </h2>
      <form ref={form} class="stop-form" onSubmit={submit} novalidate data-testid="stop-form">
        <Show when={errors().form}>
          <Notice kind="error" testId="stop-form-error">
            {errors().form}
          </Notice>
        </Show>
        <div class="stop-form__fields">
          <TextField
            id="stop-value"
            label={i18n.t("stopList.value")}
            value={value()}
            onValue={setValue}
            placeholder={i18n.t("stopList.valuePlaceholder")}
            hint={i18n.t("stopList.valueHint")}
            error={errors().fields.value}
            maxLength={254}
            spellcheck={false}
          />
          <TextField
            id="stop-note"
            label={i18n.t("stopList.note")}
            value={note()}
            onValue={setNote}
            placeholder={i18n.t("stopList.notePlaceholder")}
            error={errors().fields.note}
            maxLength={200}
          />
          <button type="submit" class="button button--primary stop-form__submit" disabled={saving()} data-testid="stop-add">
            {saving() ? i18n.t("stopList.adding") : i18n.t("stopList.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
