import { createResource, createSignal, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { Frontline } from "../../../api/client";
import type { PolicyInfo } from "../../../api/types";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { Loaded, Notice } from "../../../components/notice";
import { PageHeader } from "../../../components/page-header";
import { TableScroll } from "../../../components/table-scroll";
import { errorMessage } from "../../../forms/errors";
import { useI18n } from "../../../i18n";
import { useDirectory } from "../../../session/directory";
import { useMe } from "../../../session/me";
import { calendarName, policySummary } from "../../../sla/summary";
import { configures } from "../../../tickets/lifecycle";

/** Moves the item at `index` by `delta` places (the order of the SLA policies). */
export function moved<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * /admin/sla/policies: the SLA policies in the order they are tried (the first active one that matches a ticket
 * applies), moved up and down, created, edited and deleted by admins.
 */
export function PoliciesPage() {
  const i18n = useI18n();
  const { me } = useMe();
  const directory = useDirectory();
  const manages = () => configures(me().staff.role);
  const [policies, { refetch, mutate }] = createResource(async () => (await Frontline.policies()).policies);
  const [calendars] = createResource(async () => (await Frontline.calendars()).calendars);
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [deleting, setDeleting] = createSignal<PolicyInfo>();
  const [announcement, setAnnouncement] = createSignal("");

  /** A new order, shown at once and rolled back if the API refuses it. */
  const move = async (index: number, delta: number) => {
    const before = policies.latest ?? [];
    const next = moved(before, index, delta);
    setBusy(true);
    setError(undefined);
    mutate(next);
    try {
      const { policies: saved } = await Frontline.reorderPolicies(next.map((p) => p.policyId));
      mutate(saved);
      const policy = before[index]!;
      setAnnouncement(delta < 0 ? i18n.t("slaAdmin.policies.moveUp", { name: policy.name }) : i18n.t("slaAdmin.policies.moveDown", { name: policy.name }));
    } catch (failure) {
      mutate(before);
      setError(errorMessage(failure, i18n));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (policy: PolicyInfo) => {
    setBusy(true);
    setError(undefined);
    try {
      await Frontline.deletePolicy(policy.policyId);
      mutate((current) => (current ?? []).filter((p) => p.policyId !== policy.policyId));
    } catch (failure) {
      setError(errorMessage(failure, i18n));
    } finally {
      setBusy(false);
      setDeleting(undefined);
    }
  };

  return (
    <>
      <PageHeader
        title={i18n.t("slaAdmin.policies.title")}
        subtitle={i18n.t("slaAdmin.policies.subtitle")}
        actions={
          <Show when={manages()}>
            <A href="/admin/sla/policies/new" class="button button--primary" data-testid="new-policy">
              {i18n.t("slaAdmin.policies.new")}
            </A>
          </Show>
        }
      />
      <Show when={!manages()}>
        <Notice kind="info" testId="sla-admins-only">
          {i18n.t("slaAdmin.onlyAdmins")}
        </Notice>
      </Show>
      <p class="sr-only" role="status">
        {announcement()}
      </p>
      <section class="card card--flush" aria-label={i18n.t("slaAdmin.policies.title")} aria-busy={busy()}>
        <Show when={error()}>
          <div class="card__body card__body--top">
            <Notice kind="error" testId="policies-error">
              {error()}
            </Notice>
          </div>
        </Show>
        <Loaded data={policies} onRetry={refetch} frame={(content) => <div class="card__body card__body--top">{content}</div>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="empty empty--center" data-testid="policies-empty">{i18n.t("slaAdmin.policies.empty")}</p>}>
              <TableScroll label={i18n.t("slaAdmin.policies.title")}>
                <table class="table" data-testid="policies-table">
                  <thead>
                    <tr>
                      <th scope="col" class="table__order">{i18n.t("slaAdmin.policies.columns.order")}</th>
                      <th scope="col">{i18n.t("slaAdmin.policies.columns.name")}</th>
                      <th scope="col">{i18n.t("slaAdmin.policies.columns.match")}</th>
                      <th scope="col">{i18n.t("slaAdmin.policies.columns.targets")}</th>
                      <th scope="col">{i18n.t("slaAdmin.policies.columns.hours")}</th>
                      <Show when={manages()}>
                        <th scope="col" class="table__actions">
                          <span class="sr-only">{i18n.t("slaAdmin.policies.columns.actions")}</span>
                        </th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(policy, index) => {
                        const summary = () =>
                          policySummary(policy, i18n, { department: (id) => directory.departmentById(id)?.name, calendar: calendarName(calendars.latest) });
                        return (
                          <tr classList={{ "row--muted": !policy.active }} data-testid="policy-row" data-policy={policy.name}>
                            <td class="table__order muted">{index() + 1}</td>
                            <td>
                              <Show when={manages()} fallback={<span class="strong">{policy.name}</span>}>
                                <A href={`/admin/sla/policies/${policy.policyId}`} class="strong">
                                  {policy.name}
                                </A>
                              </Show>
                              <Show when={!policy.active}>
                                {" "}
                                <span class="badge badge--neutral">{i18n.t("slaAdmin.policies.inactive")}</span>
                              </Show>
                            </td>
                            <td>{summary().match}</td>
                            <td>
                              <For each={summary().targets}>
                                {(target) => (
                                  <span class="cell-line table__nowrap">
                                    <span class="muted">{target.name}</span> <span class="strong">{target.time}</span>
                                  </span>
                                )}
                              </For>
                            </td>
                            <td>
                              {summary().hours}
                              <span class="cell-line small muted">
                                {[
                                  policy.warnPercent !== undefined ? i18n.t("slaAdmin.policies.warnAt", { percent: policy.warnPercent }) : "",
                                  policy.escalations.length ? i18n.t("slaAdmin.policies.escalations", { count: policy.escalations.length }) : "",
                                ]
                                  .filter(Boolean)
                                  .join(" · ")}
                              </span>
                            </td>
                            <Show when={manages()}>
                              <td class="table__actions">
                                <div class="row-actions" role="group" aria-label={policy.name}>
                                  <button
                                    type="button"
                                    class="icon-button"
                                    onClick={() => void move(index(), -1)}
                                    disabled={busy() || index() === 0}
                                    aria-label={i18n.t("slaAdmin.policies.moveUp", { name: policy.name })}
                                    data-testid="policy-up"
                                  >
                                    <svg viewBox="0 0 20 20" aria-hidden="true">
                                      <path fill="currentColor" d="M9.3 5.3a1 1 0 0 1 1.4 0l4 4a1 1 0 0 1-1.4 1.4L11 8.4V15a1 1 0 1 1-2 0V8.4l-2.3 2.3a1 1 0 0 1-1.4-1.4l4-4Z" />
                                    </svg>
                                  </button>
                                  <button
                                    type="button"
                                    class="icon-button"
                                    onClick={() => void move(index(), 1)}
                                    disabled={busy() || index() === list().length - 1}
                                    aria-label={i18n.t("slaAdmin.policies.moveDown", { name: policy.name })}
                                    data-testid="policy-down"
                                  >
                                    <svg viewBox="0 0 20 20" aria-hidden="true">
                                      <path fill="currentColor" d="M10.7 14.7a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 1.4-1.4L9 11.6V5a1 1 0 1 1 2 0v6.6l2.3-2.3a1 1 0 0 1 1.4 1.4l-4 4Z" />
                                    </svg>
                                  </button>
                                  <A href={`/admin/sla/policies/${policy.policyId}`} class="button button--ghost button--small">
                                    {i18n.t("slaAdmin.policies.edit")}
                                  </A>
                                  <button type="button" class="button button--ghost button--small button--danger-text" onClick={() => setDeleting(policy)} disabled={busy()}>
                                    {i18n.t("slaAdmin.policies.delete")}
                                  </button>
                                </div>
                              </td>
                            </Show>
                          </tr>
                        );
                      }}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
            </Show>
          )}
        </Loaded>
      </section>
      <Show when={deleting()}>
        {(policy) => (
          <ConfirmDialog
            title={i18n.t("slaAdmin.policies.deleteTitle", { name: policy().name })}
            description={i18n.t("slaAdmin.policies.deleteText")}
            confirm={i18n.t("slaAdmin.policies.delete")}
            danger
            busy={busy()}
            onConfirm={() => void remove(policy())}
            onClose={() => setDeleting(undefined)}
          />
        )}
      </Show>
    </>
  );
}
