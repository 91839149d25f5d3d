import { createEffect, createResource, createSignal, For, on, onCleanup, Show } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { ApiError, Frontline } from "../../api/client";
import type { CustomerDetail, CustomerInfo, TicketInfo } from "../../api/types";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { LoadError, Loading, Notice } from "../../components/notice";
import { createPagedList } from "../../components/paged-list";
import { PagedBody } from "../../components/paged-body";
import { PageHeader } from "../../components/page-header";
import { SelectField } from "../../components/select-field";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { errorMessage } from "../../forms/errors";
import { Locales, useI18n, type Locale } from "../../i18n";
import { useMe } from "../../session/me";
import { StatusBadge } from "../../tickets/badges";
import { seesAllDepartments } from "../../tickets/lifecycle";

type I18n = ReturnType<typeof useI18n>;

/** A refused change as its fields show it: each issue under its field (in the API's words, said in the reader's language), the rest above. */
function refusal(error: unknown, i18n: I18n, fields: readonly string[]): { fields: Record<string, string>; form?: string } {
  const result: { fields: Record<string, string>; form?: string } = { fields: {} };
  if (error instanceof ApiError) {
    for (const issue of error.issues) {
      const field = String(issue.path).split(".")[0]!;
      if (fields.includes(field)) result.fields[field] ??= issue.message;
      else result.form ??= issue.message;
    }
  }
  if (!result.form && Object.keys(result.fields).length === 0) result.form = errorMessage(error, i18n);
  return result;
}

/**
 * /customers/:id: who the customer is (their addresses, phone, language, organization, since when), every ticket they
 * opened (newest first, a page at a time), their details changed by those who may, and another record of the same
 * person merged into this one. A merged record's page says which customer it went to.
 */
export function CustomerPage() {
  const i18n = useI18n();
  const params = useParams();
  const [detail, setDetail] = createSignal<CustomerDetail>();
  const [said, setSaid] = createSignal("");
  const list = createPagedList<TicketInfo>(async (cursor) => {
    const page = await Frontline.customerTickets(params.id!, cursor);
    if (!cursor) setDetail(page);
    return { items: page.tickets, cursor: page.cursor };
  }, i18n);
  createEffect(
    on(
      () => params.id,
      () => {
        setDetail(undefined);
        setSaid("");
        void list.reload();
      },
    ),
  );
  const changed = (customer: CustomerInfo, message: string) => {
    setDetail((current) => (current ? { ...current, customer } : current));
    setSaid(message);
  };
  let later: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(later));

  return (
    <Show
      when={detail()}
      fallback={
        <Show when={list.state.error} fallback={<Loading />}>
          <LoadError error={list.state.error} onRetry={() => void list.reload()} />
        </Show>
      }
    >
      {(current) => (
        <>
          <PageHeader title={current().customer.name} />
          <p class="sr-only" role="status" data-testid="customer-status">
            {said()}
          </p>
          <Show when={current().customer.mergedInto}>
            <Notice kind="info" testId="customer-merged">
              <p>{i18n.t("customers.mergedInto", { name: current().mergedInto?.name ?? i18n.t("common.none") })}</p>
              <A href={`/customers/${current().customer.mergedInto}`} data-testid="customer-merged-link">
                {i18n.t("customers.mergedOpen")}
              </A>
            </Notice>
          </Show>
          <div class="customer-page">
            <Profile detail={current()} />
            <Show when={!current().customer.mergedInto}>
              <Edit
                customer={current().customer}
                onChanged={changed}
                onOrganization={(organization) => setDetail((d) => (d ? { ...d, organization } : d))}
              />
            </Show>
            <section class="card card--flush" aria-labelledby="customer-tickets-title" data-testid="customer-tickets">
              <h2 class="card__title" id="customer-tickets-title">
                {i18n.t("customers.tickets")}
              </h2>
              <PagedBody list={list} empty={i18n.t("customers.noTickets")} emptyTestId="customer-tickets-empty">
                <TicketTable tickets={list.state.items} labelledBy="customer-tickets-title" />
              </PagedBody>
            </section>
            <Show when={!current().customer.mergedInto}>
              <Merge
                customer={current().customer}
                onMerged={(customer, other) => {
                  changed(customer, i18n.t("customers.merged", { name: other.name }));
                  // The tickets follow by a reaction within a second or two: read them again then.
                  clearTimeout(later);
                  later = setTimeout(() => void list.reload(), 1500);
                }}
              />
            </Show>
          </div>
        </>
      )}
    </Show>
  );
}

/** A table of tickets: number, subject (a link to the ticket), status, when it was opened. */
export function TicketTable(props: { tickets: TicketInfo[]; labelledBy: string; dateOf?: (ticket: TicketInfo) => string; dateLabel?: string }) {
  const i18n = useI18n();
  return (
    <TableScroll labelledBy={props.labelledBy}>
      <table class="table table--dense">
        <thead>
          <tr>
            <th scope="col" class="table__num">{i18n.t("customers.number")}</th>
            <th scope="col">{i18n.t("customers.subject")}</th>
            <th scope="col">{i18n.t("customers.status")}</th>
            <th scope="col" class="table__nowrap">{props.dateLabel ?? i18n.t("customers.opened")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.tickets}>
            {(ticket) => (
              <tr data-testid="customer-ticket">
                <td class="table__num">#{ticket.number}</td>
                <td>
                  <A href={`/tickets/${ticket.ticketId}`}>{ticket.subject}</A>
                </td>
                <td>
                  <StatusBadge status={ticket.status} />
                </td>
                <td class="table__nowrap">
                  <time datetime={props.dateOf?.(ticket) ?? ticket.createdAt}>{i18n.date(props.dateOf?.(ticket) ?? ticket.createdAt)}</time>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </TableScroll>
  );
}

function Profile(props: { detail: CustomerDetail }) {
  const i18n = useI18n();
  const customer = () => props.detail.customer;
  return (
    <section class="card" aria-labelledby="customer-profile-title" data-testid="customer-profile">
      <h2 class="card__title" id="customer-profile-title">
        {i18n.t("customers.profile")}
      </h2>
      <dl class="facts">
        <div class="facts__row">
          <dt>{i18n.t("customers.emails")}</dt>
          <dd>
            <Show when={customer().emails.length > 0} fallback={<span class="muted">{i18n.t("customers.noEmail")}</span>}>
              <ul class="plain-list" data-testid="customer-emails">
                <For each={customer().emails}>
                  {(email, index) => (
                    <li>
                      <a href={`mailto:${email}`}>{email}</a>
                      <Show when={index() === 0 && customer().emails.length > 1}>
                        {" "}
                        <span class="muted small">({i18n.t("customers.letters")})</span>
                      </Show>
                      <Show when={index() === 0 && customer().undeliverableAt}>
                        {" "}
                        <span class="badge badge--suspended">{i18n.t("customers.undeliverable")}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("customers.phone")}</dt>
          <dd data-testid="customer-phone">
            <Show when={customer().phone} fallback={i18n.t("common.none")}>
              {(phone) => <a href={`tel:${phone().replace(/[^\d+]/g, "")}`}>{phone()}</a>}
            </Show>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("customers.language")}</dt>
          <dd data-testid="customer-language">
            {customer().locale ? i18n.t(`locale.${customer().locale as Locale}`) : i18n.t("customers.languageUnknown")}
          </dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("customers.organization")}</dt>
          <dd>
            <Show when={props.detail.organization} fallback={i18n.t("customers.noOrganization")}>
              {(organization) => (
                <A href={`/organizations/${organization().organizationId}`} data-testid="customer-organization">
                  {organization().name}
                </A>
              )}
            </Show>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("customers.since")}</dt>
          <dd>
            <time datetime={customer().createdAt}>{i18n.date(customer().createdAt)}</time>
          </dd>
        </div>
      </dl>
    </section>
  );
}

const EDIT_FIELDS = ["name", "phone", "locale", "organizationId"] as const;

/** The customer's details and addresses, changed by those who see every department (the others read why not). */
function Edit(props: {
  customer: CustomerInfo;
  onChanged: (customer: CustomerInfo, message: string) => void;
  onOrganization: (organization: CustomerDetail["organization"]) => void;
}) {
  const i18n = useI18n();
  const { me } = useMe();
  const may = () => seesAllDepartments(me().staff.role);
  const [organizations] = createResource(may, async () => (await Frontline.organizations()).organizations);
  const [name, setName] = createSignal(props.customer.name);
  const [phone, setPhone] = createSignal(props.customer.phone ?? "");
  const [locale, setLocale] = createSignal(props.customer.locale ?? "");
  const [organizationId, setOrganizationId] = createSignal(props.customer.organizationId ?? "");
  const [errors, setErrors] = createSignal<{ fields: Record<string, string>; form?: string }>({ fields: {} });
  const [busy, setBusy] = createSignal(false);
  const [newEmail, setNewEmail] = createSignal("");
  const [emailError, setEmailError] = createSignal<string>();
  const [owner, setOwner] = createSignal<{ customerId: string; name: string }>();
  const [emailBusy, setEmailBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const { customer } = await Frontline.updateCustomer(props.customer.customerId, {
        name: name(),
        phone: phone().trim() || null,
        organizationId: organizationId() || null,
        ...(locale() ? { locale: locale() as Locale } : {}),
      });
      props.onOrganization(organizations()?.find((o) => o.organizationId === customer.organizationId) ?? null);
      props.onChanged(customer, i18n.t("customers.saved"));
    } catch (error) {
      setErrors(refusal(error, i18n, EDIT_FIELDS));
      queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const addEmail = async (event: SubmitEvent) => {
    event.preventDefault();
    setEmailBusy(true);
    setEmailError(undefined);
    setOwner(undefined);
    try {
      const email = newEmail().trim();
      const { customer } = await Frontline.addCustomerEmail(props.customer.customerId, email);
      setNewEmail("");
      props.onChanged(customer, i18n.t("customers.emailAdded", { email: email.toLowerCase() }));
    } catch (error) {
      const refused = refusal(error, i18n, ["email"]);
      setEmailError(refused.fields.email ?? refused.form);
      const current = error instanceof ApiError ? (error.current as { customerId?: string; name?: string } | undefined) : undefined;
      if (current?.customerId && current.name) setOwner({ customerId: current.customerId, name: current.name });
      queueMicrotask(() => document.getElementById("customer-new-email")?.focus());
    } finally {
      setEmailBusy(false);
    }
  };

  const removeEmail = async (email: string) => {
    setEmailError(undefined);
    setOwner(undefined);
    try {
      const { customer } = await Frontline.removeCustomerEmail(props.customer.customerId, email);
      props.onChanged(customer, i18n.t("customers.emailRemoved", { email }));
    } catch (error) {
      setEmailError(errorMessage(error, i18n));
    }
  };

  return (
    <section class="card" aria-labelledby="customer-edit-title" data-testid="customer-edit">
      <h2 class="card__title" id="customer-edit-title">
        {i18n.t("customers.editTitle")}
      </h2>
      <Show when={may()} fallback={<p class="muted">{i18n.t("customers.readOnly")}</p>}>
        <form ref={form} class="form" onSubmit={save} novalidate aria-labelledby="customer-edit-title">
          <Show when={errors().form}>
            <Notice kind="error">{errors().form}</Notice>
          </Show>
          <TextField id="name" label={i18n.t("customers.name")} value={name()} onValue={setName} error={errors().fields.name} required maxLength={120} />
          <TextField id="phone" label={i18n.t("customers.phone")} value={phone()} onValue={setPhone} error={errors().fields.phone} autocomplete="off" maxLength={40} />
          <SelectField
            id="locale"
            label={i18n.t("customers.language")}
            value={locale()}
            error={errors().fields.locale}
            options={[
              ...(props.customer.locale ? [] : [{ value: "", label: i18n.t("customers.languageUnknown") }]),
              ...Locales.map((l) => ({ value: l, label: i18n.t(`locale.${l}`) })),
            ]}
            onValue={setLocale}
          />
          <SelectField
            id="organizationId"
            label={i18n.t("customers.organization")}
            value={organizationId()}
            error={errors().fields.organizationId}
            options={[{ value: "", label: i18n.t("customers.noOrganization") }, ...(organizations() ?? []).map((o) => ({ value: o.organizationId, label: o.name }))]}
            onValue={setOrganizationId}
          />
          <div class="form-actions">
            <button type="submit" class="button button--primary" disabled={busy()} data-testid="customer-save">
              {busy() ? i18n.t("common.saving") : i18n.t("customers.save")}
            </button>
          </div>
        </form>
        <h3 class="card__subtitle">{i18n.t("customers.emails")}</h3>
        <ul class="plain-list">
          <For each={props.customer.emails}>
            {(email) => (
              <li class="customer-email">
                <span>{email}</span>{" "}
                <button
                  type="button"
                  class="button button--ghost button--small"
                  aria-label={i18n.t("customers.removeEmail", { email })}
                  title={i18n.t("customers.removeEmail", { email })}
                  onClick={() => void removeEmail(email)}
                  data-testid="customer-remove-email"
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
        <form class="form form--inline" onSubmit={addEmail} novalidate aria-label={i18n.t("customers.emails")}>
          <TextField
            id="customer-new-email"
            type="email"
            label={i18n.t("customers.newEmail")}
            value={newEmail()}
            onValue={setNewEmail}
            error={emailError()}
            hint={
              owner() ? (
                <span data-testid="customer-email-owner">
                  {i18n.t("customers.belongsTo", { name: owner()!.name })} <A href={`/customers/${owner()!.customerId}`} class="inline-link">{i18n.t("customers.openOwner")}</A>
                </span>
              ) : undefined
            }
            autocomplete="off"
            inputMode="email"
            maxLength={254}
          />
          <button type="submit" class="button button--secondary" disabled={emailBusy() || !newEmail().trim()} data-testid="customer-add-email">
            {i18n.t("customers.addEmail")}
          </button>
        </form>
      </Show>
    </section>
  );
}

/** Another record of the same person, found by name, address or phone, merged into this one after a confirmation. */
function Merge(props: { customer: CustomerInfo; onMerged: (customer: CustomerInfo, other: CustomerInfo) => void }) {
  const i18n = useI18n();
  const [q, setQ] = createSignal("");
  const [asked, setAsked] = createSignal("");
  const [found] = createResource(asked, async (query) => (await Frontline.customers(query)).customers.filter((c) => c.customerId !== props.customer.customerId));
  const [picked, setPicked] = createSignal<CustomerInfo>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const merge = async () => {
    const other = picked();
    if (!other) return;
    setBusy(true);
    setError(undefined);
    try {
      const { customer } = await Frontline.mergeCustomer(props.customer.customerId, other.customerId);
      setPicked(undefined);
      setAsked("");
      setQ("");
      props.onMerged(customer, other);
    } catch (failure) {
      setPicked(undefined);
      setError(errorMessage(failure, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="customer-merge-title" data-testid="customer-merge">
      <h2 class="card__title" id="customer-merge-title">
        {i18n.t("customers.merge")}
      </h2>
      <p class="muted">{i18n.t("customers.mergeHint")}</p>
      <form
        class="form form--inline"
        role="search"
        aria-label={i18n.t("customers.merge")}
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(q().trim());
        }}
      >
        <TextField id="merge-q" label={i18n.t("customers.mergeFind")} placeholder={i18n.t("customers.findPlaceholder")} value={q()} onValue={setQ} maxLength={120} spellcheck={false} />
        <button type="submit" class="button button--secondary" disabled={!q().trim()}>
          {i18n.t("customers.findSubmit")}
        </button>
      </form>
      <Show when={error()}>
        <Notice kind="error" testId="customer-merge-error">
          {error()}
        </Notice>
      </Show>
      <Show when={asked()}>
        <Show when={!found.loading} fallback={<Loading />}>
          <Show when={!found.error} fallback={<LoadError error={found.error} />}>
            <Show when={(found() ?? []).length > 0} fallback={<p class="muted">{i18n.t("customers.mergeNone")}</p>}>
              <ul class="plain-list" data-testid="merge-candidates">
                <For each={found()}>
                  {(other) => (
                    <li class="merge-candidate">
                      <button type="button" class="button button--secondary button--small" onClick={() => setPicked(other)} data-testid="merge-candidate">
                        {i18n.t("customers.mergeThis", { name: other.name })}
                      </button>{" "}
                      <span class="muted small">{[other.email, other.phone].filter(Boolean).join(" · ")}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Show>
        </Show>
      </Show>
      <Show when={picked()}>
        {(other) => (
          <ConfirmDialog
            title={i18n.t("customers.mergeTitle")}
            description={i18n.t("customers.mergeConfirm", { other: other().name, name: props.customer.name })}
            confirm={i18n.t("customers.mergeSubmit")}
            danger
            busy={busy()}
            onConfirm={() => void merge()}
            onClose={() => setPicked(undefined)}
          />
        )}
      </Show>
    </section>
  );
}
