import { createSignal, For, Show } from "solid-js";
import { ApiError, Frontline } from "../api/client";
import type { SavedViewCount, SavedViewInfo, SavedViewFilters } from "../api/types";
import { ConfirmDialog } from "../components/confirm-dialog";
import { Dialog } from "../components/dialog";
import { Notice } from "../components/notice";
import { TextField } from "../components/text-field";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";
import { queueHref, type QueueState } from "./queue-query";

/** The filters of a queue as a saved view keeps them (the overdue view is not a queue of the API: not saved). */
export function filtersOf(state: QueueState): SavedViewFilters | undefined {
  if (state.view === "overdue") return undefined;
  const { view, sort, departmentId, assigneeId, status, priority, type, tag } = state;
  return { view, sort, departmentId, assigneeId, status, priority, type, tag };
}

/** The queue a saved view opens. */
export const savedViewHref = (view: SavedViewInfo) => queueHref(view.query);

/** The issue the API gave for `field`, in the reader's language. */
const issueOf = (error: unknown, field: string) => (error instanceof ApiError ? error.issues.find((i) => i.path === field)?.message : undefined);

/**
 * The saved views in the queue's sidebar, each with its count (counted up to 99 by the API; "99+" above), and a
 * rename and a delete button for those the reader may change.
 */
export function SavedViewsNav(props: {
  current: string;
  views: SavedViewInfo[];
  counts: SavedViewCount[] | undefined;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const [renaming, setRenaming] = createSignal<SavedViewInfo>();
  const [removing, setRemoving] = createSignal<SavedViewInfo>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const count = (viewId: string) => props.counts?.find((c) => c.viewId === viewId);

  const remove = async (view: SavedViewInfo) => {
    setBusy(true);
    setError(undefined);
    try {
      await Frontline.deleteView(view.viewId);
      setRemoving(undefined);
      props.onChanged();
    } catch (caught) {
      setRemoving(undefined);
      setError(errorMessage(caught, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={props.views.length > 0}>
      <h2 class="queue-nav__heading">{i18n.t("savedViews.heading")}</h2>
      <Show when={error()}>
        <Notice kind="error">{error()}</Notice>
      </Show>
      <ul class="queue-nav__list" data-testid="saved-views">
        <For each={props.views}>
          {(view) => {
            const href = () => savedViewHref(view);
            const active = () => props.current === href();
            return (
              <li class="saved-view" data-testid="saved-view" data-view-id={view.viewId}>
                <a
                  href={href()}
                  class="queue-nav__item saved-view__link"
                  classList={{ "queue-nav__item--active": active() }}
                  aria-current={active() ? "page" : undefined}
                >
                  <span class="queue-nav__label">
                    {view.name}
                    <Show when={view.shared}>
                      <span class="sr-only"> ({i18n.t("savedViews.shared")})</span>
                    </Show>
                  </span>
                  <Show when={count(view.viewId)?.count != null}>
                    <span class="queue-nav__count" data-testid="saved-view-count">
                      {count(view.viewId)!.more ? i18n.t("savedViews.more", { count: count(view.viewId)!.count! }) : count(view.viewId)!.count}
                    </span>
                  </Show>
                </a>
                <Show when={view.editable}>
                  <span class="saved-view__actions">
                    <button
                      type="button"
                      class="icon-button saved-view__button"
                      aria-label={i18n.t("savedViews.rename", { name: view.name })}
                      title={i18n.t("savedViews.rename", { name: view.name })}
                      onClick={() => setRenaming(view)}
                      data-testid="rename-view"
                    >
                      <svg viewBox="0 0 20 20" aria-hidden="true" width="14" height="14">
                        <path fill="currentColor" d="M13.6 3.2a2 2 0 0 1 2.8 2.8l-8.7 8.7-3.6.8.8-3.6 8.7-8.7Zm1.4 1.4a.5.5 0 0 0-.7 0l-8.4 8.4-.3 1.3 1.3-.3 8.4-8.4a.5.5 0 0 0 0-.7l-.3-.3Z" />
                      </svg>
                    </button>
                    <button
                      type="button"
                      class="icon-button saved-view__button"
                      aria-label={i18n.t("savedViews.remove", { name: view.name })}
                      title={i18n.t("savedViews.remove", { name: view.name })}
                      onClick={() => setRemoving(view)}
                      data-testid="delete-view"
                    >
                      <svg viewBox="0 0 20 20" aria-hidden="true" width="14" height="14">
                        <path fill="currentColor" d="M8 2h4a1 1 0 0 1 1 1v1h3a.75.75 0 0 1 0 1.5h-.6l-.8 10.6A2 2 0 0 1 12.6 18H7.4a2 2 0 0 1-2-1.9L4.6 5.5H4A.75.75 0 0 1 4 4h3V3a1 1 0 0 1 1-1Zm-1.9 3.5.8 10.5c0 .3.2.5.5.5h5.2c.3 0 .5-.2.5-.5l.8-10.5H6.1ZM8.5 3.5V4h3v-.5h-3Z" />
                      </svg>
                    </button>
                  </span>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={renaming()}>
        {(view) => (
          <ViewDialog
            title={i18n.t("savedViews.rename", { name: view().name })}
            submit={i18n.t("savedViews.renameSubmit")}
            initialName={view().name}
            onClose={() => setRenaming(undefined)}
            onSubmit={async (name) => {
              await Frontline.updateView(view().viewId, { name });
              setRenaming(undefined);
              props.onChanged();
            }}
          />
        )}
      </Show>
      <Show when={removing()}>
        {(view) => (
          <ConfirmDialog
            title={i18n.t("savedViews.confirmRemove", { name: view().name })}
            description={i18n.t("savedViews.removeText")}
            confirm={i18n.t("savedViews.removeSubmit")}
            danger
            busy={busy()}
            onConfirm={() => void remove(view())}
            onClose={() => setRemoving(undefined)}
          />
        )}
      </Show>
    </Show>
  );
}

/** A view's name (and, for admins saving one, whether the whole workspace shares it), in a dialog. */
export function ViewDialog(props: {
  title: string;
  submit: string;
  initialName?: string;
  /** Offer "share with the whole workspace" (admins). */
  canShare?: boolean;
  onSubmit: (name: string, shared: boolean) => Promise<void>;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const [name, setName] = createSignal(props.initialName ?? "");
  const [shared, setShared] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [nameError, setNameError] = createSignal<string>();
  const [formError, setFormError] = createSignal<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setNameError(undefined);
    setFormError(undefined);
    try {
      await props.onSubmit(name(), shared());
    } catch (caught) {
      const onName = issueOf(caught, "name");
      if (onName) {
        setNameError(onName);
        document.getElementById("view-name")?.focus();
      } else setFormError(errorMessage(caught, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={props.title} onClose={props.onClose} testId="view-dialog">
      <form class="form-grid" onSubmit={(event) => void submit(event)} novalidate>
        <Show when={formError()}>
          <Notice kind="error">{formError()}</Notice>
        </Show>
        <TextField id="view-name" label={i18n.t("savedViews.name")} value={name()} onValue={setName} error={nameError()} maxLength={80} required />
        <Show when={props.canShare}>
          <label class="checkbox checkbox--strong">
            <input type="checkbox" checked={shared()} onChange={(event) => setShared(event.currentTarget.checked)} data-testid="view-shared" />
            {i18n.t("savedViews.share")}
          </label>
        </Show>
        <div class="dialog__actions">
          <button type="button" class="button button--ghost" onClick={() => props.onClose()}>
            {i18n.t("common.cancel")}
          </button>
          <button type="submit" class="button button--primary" disabled={busy()} data-testid="view-submit">
            {props.submit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
