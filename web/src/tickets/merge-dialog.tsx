import { createResource, createSignal, For, Show } from "solid-js";
import { ApiError, Frontline } from "../api/client";
import type { TicketInfo } from "../api/types";
import { Dialog } from "../components/dialog";
import { Loaded, Notice } from "../components/notice";
import { TextField } from "../components/text-field";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";
import { StatusBadge } from "./badges";

/** The tickets a ticket can be merged into: the same customer's others, not closed, not in the trash, not merged. */
export function mergeCandidates(ticket: TicketInfo, tickets: readonly TicketInfo[]): TicketInfo[] {
  return tickets.filter((t) => t.ticketId !== ticket.ticketId && t.status !== "closed" && !t.deletedAt && !t.mergedInto);
}

/**
 * "Merge into…": the customer's other tickets to pick from, or a ticket's number. The API decides (same customer,
 * departments the agent works, not itself, not trashed or merged); its refusals show under the field they concern.
 */
export function MergeDialog(props: { ticket: TicketInfo; onClose: () => void; onMerged: (ticket: TicketInfo) => void }) {
  const i18n = useI18n();
  const [customer, { refetch }] = createResource(() => props.ticket.requester.customerId, (id) => Frontline.customer(id));
  const [into, setInto] = createSignal<string>();
  const [number, setNumber] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [errors, setErrors] = createSignal<{ into?: string; number?: string; form?: string }>({});
  let form: HTMLFormElement | undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    const typed = number().trim();
    if (!typed && !into()) {
      setErrors({ into: i18n.t("ticket.merge.choose") });
      form?.querySelector<HTMLInputElement>('input[name="merge-into"], #merge-into-number')?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const target = typed ? { intoNumber: Number(typed.replace(/^#/, "")) } : { into: into()! };
      const { ticket } = await Frontline.mergeTicket(props.ticket.ticketId, { version: props.ticket.version, ...target });
      props.onMerged(ticket);
    } catch (error) {
      const found: { into?: string; number?: string; form?: string } = {};
      if (error instanceof ApiError) {
        for (const issue of error.issues) {
          if (issue.path === "intoNumber" || (issue.path === "into" && typed)) found.number ??= issue.message;
          else if (issue.path === "into") found.into ??= issue.message;
          else found.form ??= issue.message;
        }
      }
      if (!found.into && !found.number && !found.form) found.form = errorMessage(error, i18n);
      setErrors(found);
      queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={i18n.t("ticket.merge.title", { number: props.ticket.number })} description={i18n.t("ticket.merge.text")} onClose={props.onClose} testId="merge-dialog" wide>
      <form ref={form} class="form" onSubmit={(event) => void submit(event)} novalidate>
        <fieldset class="field" classList={{ "field--invalid": Boolean(errors().into) }} aria-describedby={errors().into ? "merge-into-error" : undefined}>
          <legend class="field__label">{i18n.t("ticket.merge.customerTickets")}</legend>
          <Loaded data={customer} onRetry={refetch}>
            {(detail) => (
              <Show when={mergeCandidates(props.ticket, detail().tickets).length > 0} fallback={<p class="muted small">{i18n.t("ticket.merge.noCustomerTickets")}</p>}>
                <div class="radio-cards" data-testid="merge-candidates">
                  <For each={mergeCandidates(props.ticket, detail().tickets)}>
                    {(candidate) => (
                      <label class="radio-card" classList={{ "radio-card--on": into() === candidate.ticketId && !number().trim() }} data-testid="merge-candidate" data-number={candidate.number}>
                        <input
                          type="radio"
                          name="merge-into"
                          value={candidate.ticketId}
                          checked={into() === candidate.ticketId && !number().trim()}
                          aria-invalid={errors().into ? "true" : undefined}
                          onChange={() => {
                            setInto(candidate.ticketId);
                            setNumber("");
                          }}
                        />
                        <span>
                          <span class="strong">{i18n.t("ticket.number", { number: candidate.number })}</span> {candidate.subject}{" "}
                          <StatusBadge status={candidate.status} />
                        </span>
                      </label>
                    )}
                  </For>
                </div>
              </Show>
            )}
          </Loaded>
          <Show when={errors().into}>
            <p class="field__error" id="merge-into-error" data-testid="merge-into-error">
              {errors().into}
            </p>
          </Show>
        </fieldset>
        <TextField
          id="merge-into-number"
          label={i18n.t("ticket.merge.byNumber")}
          hint={i18n.t("ticket.merge.numberHint")}
          value={number()}
          onValue={(value) => {
            setNumber(value);
            if (value.trim()) setInto(undefined);
          }}
          inputMode="numeric"
          maxLength={13}
          error={errors().number}
        />
        <Show when={errors().form}>
          <Notice kind="error" testId="merge-error">
            {errors().form}
          </Notice>
        </Show>
        <div class="dialog__actions">
          <button type="button" class="button button--ghost" onClick={() => props.onClose()}>
            {i18n.t("common.cancel")}
          </button>
          <button type="submit" class="button button--primary" disabled={busy()} data-testid="merge-confirm">
            {busy() ? i18n.t("ticket.merge.merging") : i18n.t("ticket.merge.confirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
