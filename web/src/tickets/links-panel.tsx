import { createSignal, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { ApiError, Frontline } from "../api/client";
import type { LinkInfo, LinkRole, TicketDetail } from "../api/types";
import { Notice } from "../components/notice";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";
import { StatusBadge } from "./badges";

const ROLES: readonly LinkRole[] = ["related", "incident", "problem"];
const GROUPS = [
  { role: "problem", title: "ticket.links.problem" },
  { role: "incident", title: "ticket.links.incidents" },
  { role: "related", title: "ticket.links.related" },
] as const;

/**
 * A ticket's linked tickets: its problem, its incidents (when it is a problem), related tickets, each with its number,
 * subject and status, a link to it, and Unlink; and a form to link another ticket by its number.
 */
export function LinksPanel(props: { detail: TicketDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const [role, setRole] = createSignal<LinkRole>("related");
  const [number, setNumber] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [errors, setErrors] = createSignal<{ number?: string; role?: string; form?: string }>({});
  const ticketId = () => props.detail.ticket.ticketId;
  const can = () => props.detail.permissions.work && !props.detail.ticket.deletedAt;
  const of = (r: LinkRole): LinkInfo[] => props.detail.links.filter((l) => l.role === r);
  let form: HTMLFormElement | undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    const typed = number().trim().replace(/^[#№]/, "");
    if (!typed) {
      setErrors({ number: i18n.t("ticket.links.numberMissing") });
      form?.querySelector<HTMLInputElement>("#link-number")?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await Frontline.linkTicket(ticketId(), { otherNumber: Number(typed), role: role() });
      setNumber("");
      props.onChanged();
    } catch (error) {
      const found: { number?: string; role?: string; form?: string } = {};
      if (error instanceof ApiError) {
        for (const issue of error.issues) {
          if (issue.path === "otherNumber" || issue.path === "other") found.number ??= issue.message;
          else if (issue.path === "role") found.role ??= issue.message;
          else found.form ??= issue.message;
        }
      }
      if (!found.number && !found.role && !found.form) found.form = errorMessage(error, i18n);
      setErrors(found);
      queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const unlink = async (otherId: string) => {
    setBusy(true);
    setErrors({});
    try {
      await Frontline.unlinkTicket(ticketId(), otherId);
      props.onChanged();
    } catch (error) {
      setErrors({ form: errorMessage(error, i18n) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card links" aria-labelledby="links-panel-title" data-testid="links-panel">
      <h2 class="card__title" id="links-panel-title">
        {i18n.t("ticket.links.title")}
      </h2>
      <Show when={props.detail.links.length > 0} fallback={<p class="muted small">{i18n.t("ticket.links.empty")}</p>}>
        <For each={GROUPS.filter((g) => of(g.role).length > 0)}>
          {(group) => (
            <>
              <h3 class="card__subtitle">{i18n.t(group.title)}</h3>
              <ul class="mini-list" data-testid={`links-${group.role}`}>
                <For each={of(group.role)}>
                  {(link) => (
                    <li class="mini-list__item" data-testid="link-item" data-number={link.number}>
                      <A href={`/tickets/${link.ticketId}`} class="mini-list__link" title={`#${link.number} ${link.subject}`}>
                        <span class="muted">{i18n.t("ticket.number", { number: link.number })}</span> {link.subject}
                      </A>
                      <StatusBadge status={link.status} />
                      <Show when={can()}>
                        <button
                          type="button"
                          class="button button--ghost button--small"
                          disabled={busy()}
                          onClick={() => void unlink(link.ticketId)}
                          aria-label={i18n.t("ticket.links.unlinkLabel", { number: link.number })}
                          data-testid="unlink"
                        >
                          {i18n.t("ticket.links.unlink")}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </For>
      </Show>
      <Show when={can()}>
        <form ref={form} class="form links__form" onSubmit={(event) => void submit(event)} novalidate aria-labelledby="links-add-title" data-testid="link-form">
          <h3 class="card__subtitle" id="links-add-title">
            {i18n.t("ticket.links.add")}
          </h3>
          <SelectField
            id="link-role"
            label={i18n.t("ticket.links.role")}
            value={role()}
            options={ROLES.map((r) => ({ value: r, label: i18n.t(`ticket.links.roles.${r}`) }))}
            onValue={(value) => setRole(value as LinkRole)}
            error={errors().role}
            compact
          />
          <TextField id="link-number" label={i18n.t("ticket.links.number")} value={number()} onValue={setNumber} inputMode="numeric" maxLength={13} error={errors().number} compact />
          <Show when={errors().form}>
            <Notice kind="error" testId="link-error">
              {errors().form}
            </Notice>
          </Show>
          <button type="submit" class="button button--secondary button--small" disabled={busy()} data-testid="link-submit">
            {busy() ? i18n.t("ticket.links.linking") : i18n.t("ticket.links.submit")}
          </button>
        </form>
      </Show>
    </section>
  );
}
