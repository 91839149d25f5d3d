import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { Frontline } from "../../api/client";
import type { InvitationInfo, InviteResponse, Role, StaffInfo } from "../../api/types";
import { adminsOnly } from "../../components/admins-only";
import { CheckboxGroup } from "../../components/checkbox-group";
import { CopyButton } from "../../components/copy-button";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { Loaded, Notice } from "../../components/notice";
import { PageHeader } from "../../components/page-header";
import { SelectField } from "../../components/select-field";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { errorMessage, focusFirstInvalid, formErrors, type FormErrors } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { useDirectory } from "../../session/directory";
import { useMe } from "../../session/me";
import { seesAllDepartments } from "../../tickets/lifecycle";

/** The roles an admin may give; only the owner hands on the owner's role. */
const Roles = ["owner", "admin", "supervisor", "dispatcher", "agent"] as const satisfies readonly Role[];
const InviteRoles = ["admin", "supervisor", "dispatcher", "agent"] as const satisfies readonly Role[];

/**
 * /admin/staff: who works in the workspace, their roles, deactivation and reactivation, the seats used against the
 * plan, invitations by email (a link that expires) and the pending ones, which can be taken back.
 */
export const StaffPage = adminsOnly(StaffAdmin);

function StaffAdmin() {
  const i18n = useI18n();
  const directory = useDirectory();
  const [billing, { refetch: refetchBilling }] = createResource(async () => (await Frontline.billing()).billing);
  const [invitations, { refetch: refetchInvitations }] = createResource(async () => (await Frontline.invitations()).invitations);
  const pending = createMemo(() => (invitations.latest ?? []).filter((i) => i.status === "pending"));
  const [announcement, setAnnouncement] = createSignal("");

  /** After anything that takes or frees a seat. */
  const seatsChanged = () => {
    refetchBilling();
    refetchInvitations();
    directory.refetchStaff();
  };

  const seats = () => {
    const current = billing.latest;
    if (!current) return "";
    const limit = current.plan.staffLimit;
    return limit === undefined || limit === null
      ? i18n.t("staffAdmin.seatsUnlimited", { used: current.seatsUsed })
      : i18n.t("staffAdmin.seats", { used: current.seatsUsed, limit });
  };

  return (
    <>
      <PageHeader
        title={i18n.t("staffAdmin.title")}
        subtitle={i18n.t("staffAdmin.subtitle")}
        actions={
          <div class="stat-row" title={i18n.t("staffAdmin.seatsHint")}>
            <span class="stat" data-testid="seats">
              {seats()}
            </span>
          </div>
        }
      />
      <p class="sr-only" role="status">
        {announcement()}
      </p>
      <StaffTable onChanged={seatsChanged} announce={setAnnouncement} />
      <InviteForm onInvited={seatsChanged} />
      <section class="card card--flush" aria-labelledby="invitations-title">
        <h2 class="card__title card__title--padded" id="invitations-title">
          {i18n.t("staffAdmin.pending")}
        </h2>
        <Loaded data={invitations} onRetry={refetchInvitations} frame={(content) => <div class="card__body">{content}</div>}>
          {() => (
            <Show when={pending().length > 0} fallback={<p class="empty" data-testid="invitations-empty">{i18n.t("staffAdmin.noPending")}</p>}>
              <TableScroll labelledBy="invitations-title">
                <table class="table" data-testid="invitations-table">
                  <thead>
                    <tr>
                      <th scope="col">{i18n.t("staffAdmin.columns.email")}</th>
                      <th scope="col">{i18n.t("staffAdmin.columns.role")}</th>
                      <th scope="col">{i18n.t("staffAdmin.columns.invited")}</th>
                      <th scope="col" class="table__nowrap">{i18n.t("staffAdmin.columns.expires")}</th>
                      <th scope="col" class="table__actions">
                        <span class="sr-only">{i18n.t("staffAdmin.columns.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={pending()}>
                      {(invitation) => (
                        <InvitationRow
                          invitation={invitation}
                          onRevoked={() => {
                            setAnnouncement(i18n.t("staffAdmin.revoked", { email: invitation.email }));
                            seatsChanged();
                          }}
                        />
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

function StaffTable(props: { onChanged: () => void; announce: (text: string) => void }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const [error, setError] = createSignal<string>();
  const [deactivating, setDeactivating] = createSignal<StaffInfo>();
  const [busy, setBusy] = createSignal<string>();
  const [resetSent, setResetSent] = createSignal<string>();

  /** Runs a change of one staff member; says what went wrong, or that it is done. */
  const change = async (member: StaffInfo, input: Parameters<typeof Frontline.updateStaff>[1]): Promise<boolean> => {
    setBusy(member.staffId);
    setError(undefined);
    try {
      await Frontline.updateStaff(member.staffId, input);
      props.announce(i18n.t("staffAdmin.changed", { name: member.name }));
      props.onChanged();
      return true;
    } catch (failure) {
      setError(errorMessage(failure, i18n));
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  /** Mails a staff member a link to choose a new password (the same letter as "Forgot password?" sends). */
  const sendReset = async (member: StaffInfo) => {
    setBusy(member.staffId);
    setError(undefined);
    setResetSent(undefined);
    try {
      setResetSent((await Frontline.sendPasswordReset(member.staffId)).email);
    } catch (failure) {
      setError(errorMessage(failure, i18n));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="card card--flush" aria-labelledby="staff-title">
      <h2 class="card__title card__title--padded" id="staff-title">
        {i18n.t("staffAdmin.staff")}
      </h2>
      <Show when={error()}>
        <div class="card__body card__body--top">
          <Notice kind="error" testId="staff-error">
            {error()}
          </Notice>
        </div>
      </Show>
      <Show when={resetSent()}>
        {(email) => (
          <div class="card__body card__body--top">
            <Notice kind="info" testId="reset-sent">
              {i18n.t("staffAdmin.resetSent", { email: email() })}
            </Notice>
          </div>
        )}
      </Show>
      <Loaded data={directory.staff} onRetry={directory.refetchStaff} frame={(content) => <div class="card__body">{content}</div>}>
        {(staff) => (
          <TableScroll labelledBy="staff-title">
            <table class="table" data-testid="staff-table">
              <thead>
                <tr>
                  <th scope="col">{i18n.t("staffAdmin.columns.name")}</th>
                  <th scope="col">{i18n.t("staffAdmin.columns.role")}</th>
                  <th scope="col">{i18n.t("staffAdmin.columns.status")}</th>
                  <th scope="col" class="table__nowrap">{i18n.t("staffAdmin.columns.lastLogin")}</th>
                  <th scope="col" class="table__actions">
                    <span class="sr-only">{i18n.t("staffAdmin.columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={staff()}>
                  {(member) => (
                    <StaffRow
                      member={member}
                      busy={busy() === member.staffId}
                      onRole={(role) => change(member, { role })}
                      onDeactivate={() => setDeactivating(member)}
                      onReactivate={() => void change(member, { status: "active" })}
                      onSendReset={() => void sendReset(member)}
                    />
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </Loaded>
      <Show when={deactivating()}>
        {(member) => (
          <ConfirmDialog
            title={i18n.t("staffAdmin.deactivateTitle", { name: member().name })}
            description={i18n.t("staffAdmin.deactivateText")}
            confirm={i18n.t("staffAdmin.deactivate")}
            danger
            busy={Boolean(busy())}
            onConfirm={async () => {
              await change(member(), { status: "disabled" });
              setDeactivating(undefined);
            }}
            onClose={() => setDeactivating(undefined)}
          />
        )}
      </Show>
    </section>
  );
}

function StaffRow(props: {
  member: StaffInfo;
  busy: boolean;
  onRole: (role: Role) => Promise<boolean>;
  onDeactivate: () => void;
  onReactivate: () => void;
  onSendReset: () => void;
}) {
  const i18n = useI18n();
  const { me } = useMe();
  const self = () => props.member.staffId === me().staff.staffId;
  const iAmOwner = () => me().staff.role === "owner";
  // Nobody changes their own role or access here (an admin could lock themselves out); only the owner changes an owner.
  const locked = () => self() || (props.member.role === "owner" && !iAmOwner());
  const roles = () => Roles.filter((role) => iAmOwner() || role !== "owner" || props.member.role === "owner");
  const active = () => props.member.status === "active";

  return (
    <tr classList={{ "row--muted": !active() }} data-testid="staff-row" data-staff={props.member.name}>
      <td>
        <span class="strong">{self() ? i18n.t("common.me", { name: props.member.name }) : props.member.name}</span>
        <span class="cell-line small muted">{props.member.email}</span>
      </td>
      <td>
        <Show when={!locked()} fallback={<span data-testid="staff-role">{i18n.t(`roles.${props.member.role}`)}</span>}>
          <SelectField
            id={`role-${props.member.staffId}`}
            compact
            label={i18n.t("staffAdmin.roleOf", { name: props.member.name })}
            value={props.member.role}
            options={roles().map((role) => ({ value: role, label: i18n.t(`roles.${role}`) }))}
            disabled={props.busy || !active()}
            onValue={async (value, event) => {
              const select = event.currentTarget;
              // Refused: the select shows the role as it still is.
              if (!(await props.onRole(value as Role))) select.value = props.member.role;
            }}
            testId="staff-role-select"
          />
        </Show>
      </td>
      <td>
        <span class={`badge ${active() ? "badge--active" : "badge--neutral"}`} data-testid="staff-status">
          {i18n.t(`staffAdmin.statuses.${props.member.status}`)}
        </span>
      </td>
      <td class="table__nowrap">{props.member.lastLoginAt ? i18n.dateTime(props.member.lastLoginAt) : i18n.t("staffAdmin.never")}</td>
      <td class="table__actions">
        <Show when={!locked()}>
          <Show
            when={active()}
            fallback={
              <button type="button" class="button button--secondary button--small" disabled={props.busy} onClick={() => props.onReactivate()} data-testid="reactivate">
                {i18n.t("staffAdmin.reactivate")}
              </button>
            }
          >
            <button
              type="button"
              class="button button--ghost button--small button--danger-text"
              disabled={props.busy}
              onClick={() => props.onDeactivate()}
              aria-label={i18n.t("staffAdmin.deactivateLabel", { name: props.member.name })}
              data-testid="deactivate"
            >
              {i18n.t("staffAdmin.deactivate")}
            </button>
          </Show>
        </Show>
        <Show when={!self() && !locked() && active()}>
          <button
            type="button"
            class="button button--ghost button--small"
            disabled={props.busy}
            onClick={() => props.onSendReset()}
            aria-label={i18n.t("staffAdmin.sendResetLabel", { name: props.member.name })}
            data-testid="send-password-reset"
          >
            {i18n.t("staffAdmin.sendReset")}
          </button>
        </Show>
      </td>
    </tr>
  );
}

const INVITE_FIELDS = ["email", "name", "role", "departmentIds"] as const;

function InviteForm(props: { onInvited: () => void }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [role, setRole] = createSignal<(typeof InviteRoles)[number]>("agent");
  const [departmentIds, setDepartmentIds] = createSignal<string[]>([]);
  const [sending, setSending] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  const [invited, setInvited] = createSignal<InviteResponse>();
  const departments = () => (directory.departments.latest ?? []).filter((d) => !d.archivedAt);
  let form: HTMLFormElement | undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending()) return;
    if (!email().trim()) {
      setErrors({ fields: { email: i18n.t("staffAdmin.emailMissing") } });
      focusFirstInvalid(form);
      return;
    }
    setSending(true);
    setErrors({ fields: {} });
    setInvited(undefined);
    try {
      const result = await Frontline.invite({
        email: email().trim(),
        role: role(),
        ...(name().trim() ? { name: name().trim() } : {}),
        departmentIds: seesAllDepartments(role()) ? [] : departmentIds(),
      });
      setInvited(result);
      setEmail("");
      setName("");
      setDepartmentIds([]);
      props.onInvited();
    } catch (error) {
      setErrors(formErrors(error, i18n, "invite", INVITE_FIELDS, (path) => (path.startsWith("departmentIds") ? "departmentIds" : path)));
      focusFirstInvalid(form);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="card" aria-labelledby="invite-title">
      <h2 class="card__title" id="invite-title">
        {i18n.t("staffAdmin.invite")}
      </h2>
      <p class="field__hint">{i18n.t("staffAdmin.inviteHint")}</p>
      <p class="field__hint" data-testid="invite-seats-hint">
        {i18n.t("staffAdmin.seatsHint")}
      </p>
      <form ref={form} class="form" onSubmit={submit} novalidate aria-busy={sending()} data-testid="invite-form">
        <Show when={errors().form}>
          <Notice kind="error" testId="invite-error">
            {errors().form}
          </Notice>
        </Show>
        <div class="form-grid form-grid--2 form-grid--fields">
          <TextField
            id="invite-email"
            type="email"
            inputMode="email"
            label={i18n.t("staffAdmin.email")}
            value={email()}
            onValue={setEmail}
            error={errors().fields.email}
            spellcheck={false}
            maxLength={254}
          />
          <TextField id="invite-name" label={i18n.t("staffAdmin.name")} value={name()} onValue={setName} error={errors().fields.name} maxLength={100} />
          <SelectField
            id="invite-role"
            label={i18n.t("staffAdmin.role")}
            value={role()}
            options={InviteRoles.map((r) => ({ value: r, label: i18n.t(`roles.${r}`) }))}
            onValue={(value) => setRole(value as (typeof InviteRoles)[number])}
            error={errors().fields.role}
            hint={seesAllDepartments(role()) ? i18n.t("staffAdmin.worksAll") : undefined}
          />
        </div>
        <Show when={!seesAllDepartments(role()) && departments().length > 0}>
          <CheckboxGroup
            id="invite-departments"
            legend={i18n.t("staffAdmin.departments")}
            options={departments().map((d) => ({ value: d.departmentId, label: d.name }))}
            values={departmentIds()}
            onChange={setDepartmentIds}
            error={errors().fields.departmentIds}
            hint={i18n.t("staffAdmin.departmentsHint")}
            testId="invite-departments"
          />
        </Show>
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={sending()} data-testid="send-invitation">
            {sending() ? i18n.t("staffAdmin.sending") : i18n.t("staffAdmin.send")}
          </button>
        </div>
      </form>
      <Show when={invited()}>
        {(result) => (
          <Notice kind="info" title={i18n.t("staffAdmin.invited", { email: result().invitation.email })} testId="invitation-link">
            <p>{i18n.t("staffAdmin.linkHint")}</p>
            <div class="inbound">
              <code class="inbound__address" data-testid="invitation-url">
                {result().link}
              </code>
              <CopyButton text={result().link} label={i18n.t("staffAdmin.copyLink")} testId="copy-invitation" />
            </div>
            <p class="muted small" data-testid="invitation-expires">
              {i18n.t("staffAdmin.linkExpires", { when: i18n.dateTime(result().invitation.expiresAt) })}
            </p>
          </Notice>
        )}
      </Show>
    </section>
  );
}

function InvitationRow(props: { invitation: InvitationInfo; onRevoked: () => void }) {
  const i18n = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await Frontline.revokeInvitation(props.invitation.invitationId);
      props.onRevoked();
    } catch (failure) {
      setError(errorMessage(failure, i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-testid="invitation-row" data-email={props.invitation.email}>
      <td>
        <span class="strong">{props.invitation.email}</span>
        <Show when={props.invitation.name}>
          <span class="cell-line small muted">{props.invitation.name}</span>
        </Show>
        <Show when={error()}>
          <span class="cell-line small negative" role="alert">
            {error()}
          </span>
        </Show>
      </td>
      <td>{i18n.t(`roles.${props.invitation.role}`)}</td>
      <td>
        {i18n.date(props.invitation.createdAt)}
        <span class="cell-line small muted">{i18n.t("staffAdmin.invitedBy", { name: props.invitation.invitedBy.name })}</span>
      </td>
      <td class="table__nowrap">{i18n.dateTime(props.invitation.expiresAt)}</td>
      <td class="table__actions">
        <button
          type="button"
          class="button button--ghost button--small button--danger-text"
          disabled={busy()}
          onClick={() => void revoke()}
          aria-label={i18n.t("staffAdmin.revokeLabel", { email: props.invitation.email })}
          data-testid="revoke"
        >
          {i18n.t("staffAdmin.revoke")}
        </button>
      </td>
    </tr>
  );
}
