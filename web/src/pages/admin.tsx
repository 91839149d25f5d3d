import { createMemo, createSignal, For, Show } from "solid-js";
import { Frontline } from "../api/client";
import type { DepartmentInfo, StaffInfo } from "../api/types";
import { CopyButton } from "../components/copy-button";
import { Dialog } from "../components/dialog";
import { Loaded, Notice } from "../components/notice";
import { PageHeader } from "../components/page-header";
import { TableScroll } from "../components/table-scroll";
import { errorMessage, formErrors } from "../forms/errors";
import { useI18n } from "../i18n";
import { useDirectory } from "../session/directory";
import { useMe } from "../session/me";
import { configures, seesAllDepartments } from "../tickets/lifecycle";
import { suggestSlug } from "../workspace/address";

/** /admin: the workspace's departments, managed by owners and admins (everyone else reads them). */
export function AdminPage() {
  const i18n = useI18n();
  return (
    <>
      <PageHeader title={i18n.t("admin.title")} subtitle={i18n.t("admin.subtitle")} />
      <Departments />
    </>
  );
}

function Departments() {
  const i18n = useI18n();
  const { me } = useMe();
  const directory = useDirectory();
  const manages = () => configures(me().staff.role);
  const [actionError, setActionError] = createSignal<string>();
  const [staffing, setStaffing] = createSignal<DepartmentInfo>();

  /** Runs a change, then reloads the departments (and the staff, whose departments may have changed). */
  const act = async (work: () => Promise<unknown>): Promise<boolean> => {
    setActionError(undefined);
    try {
      await work();
      directory.refetchDepartments();
      directory.refetchStaff();
      return true;
    } catch (error) {
      setActionError(errorMessage(error, i18n));
      return false;
    }
  };

  return (
    <section class="card card--flush" aria-labelledby="departments-title">
      <div class="card__header">
        <div>
          <h2 class="card__title" id="departments-title">
            {i18n.t("admin.departments")}
          </h2>
          <p class="muted small">{i18n.t("admin.departmentsHint")}</p>
          <p class="muted small">{i18n.t("admin.departmentsMailHint")}</p>
        </div>
        <Show when={manages()}>
          <NewDepartmentForm onCreated={() => directory.refetchDepartments()} />
        </Show>
      </div>
      <Show when={!manages()}>
        <div class="card__body">
          <Notice kind="info" testId="departments-admins-only">
            {i18n.t("admin.departmentsOnlyAdmins")}
          </Notice>
        </div>
      </Show>
      <Show when={actionError()}>
        <div class="card__body">
          <Notice kind="error" testId="departments-error">
            {actionError()}
          </Notice>
        </div>
      </Show>
      <Loaded data={directory.departments} onRetry={directory.refetchDepartments} frame={(content) => <div class="card__body">{content}</div>}>
        {(departments) => (
          <Show when={departments().length > 0} fallback={<p class="empty">{i18n.t("admin.departmentsEmpty")}</p>}>
            <TableScroll labelledBy="departments-title">
              <table class="table" data-testid="departments-table">
                <thead>
                  <tr>
                    <th scope="col">{i18n.t("admin.columns.name")}</th>
                    <th scope="col">{i18n.t("admin.columns.address")}</th>
                    <th scope="col">{i18n.t("admin.columns.staff")}</th>
                    <th scope="col" class="table__nowrap">
                      {i18n.t("admin.columns.created")}
                    </th>
                    <Show when={manages()}>
                      <th scope="col" class="table__actions">
                        <span class="sr-only">{i18n.t("admin.columns.actions")}</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={departments()}>
                    {(department) => (
                      <DepartmentRow department={department} manages={manages()} act={act} onStaff={() => setStaffing(department)} />
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          </Show>
        )}
      </Loaded>
      <Show when={staffing()}>
        {(department) => (
          <StaffDialog
            department={department()}
            onClose={() => setStaffing(undefined)}
            onSave={async (staffIds) => {
              const done = await act(() => Frontline.setDepartmentStaff(department().departmentId, staffIds));
              if (done) setStaffing(undefined);
              return done;
            }}
          />
        )}
      </Show>
    </section>
  );
}

function NewDepartmentForm(props: { onCreated: () => void }) {
  const i18n = useI18n();
  const [name, setName] = createSignal("");
  // The part after "+": the name in Latin letters (by the rules of its language, or the reader's) until typed over.
  const [address, setAddress] = createSignal("");
  const suggested = () => suggestSlug(name(), i18n.locale());
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [addressError, setAddressError] = createSignal<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving()) return;
    setSaving(true);
    setError(undefined);
    setAddressError(undefined);
    try {
      const chosen = address().trim() || suggested();
      await Frontline.createDepartment({ name: name(), ...(chosen ? { address: chosen } : {}) });
      setName("");
      setAddress("");
      props.onCreated();
    } catch (failure) {
      const errors = formErrors(failure, i18n, "department", ["name", "address"]);
      setError(errors.fields.name ?? (errors.fields.address ? undefined : errors.form));
      setAddressError(errors.fields.address);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} novalidate data-testid="new-department">
      <div class="inline-form__field" classList={{ "field--invalid": Boolean(error()) }}>
        <label class="sr-only" for="new-department-name">
          {i18n.t("admin.newDepartment")}
        </label>
        <input
          id="new-department-name"
          class="input"
          value={name()}
          placeholder={i18n.t("admin.newDepartmentPlaceholder")}
          maxLength={60}
          onInput={(event) => setName(event.currentTarget.value)}
          aria-invalid={error() ? "true" : undefined}
          aria-describedby={error() ? "new-department-error" : undefined}
        />
        <Show when={error()}>
          <p class="field__error" id="new-department-error">
            {error()}
          </p>
        </Show>
      </div>
      <div class="inline-form__field" classList={{ "field--invalid": Boolean(addressError()) }}>
        <label class="sr-only" for="new-department-address">
          {i18n.t("admin.newAddress")}
        </label>
        <input
          id="new-department-address"
          class="input"
          value={address()}
          placeholder={suggested() || i18n.t("admin.newAddressPlaceholder")}
          maxLength={40}
          autocapitalize="none"
          spellcheck={false}
          onInput={(event) => setAddress(event.currentTarget.value)}
          aria-invalid={addressError() ? "true" : undefined}
          aria-describedby={addressError() ? "new-department-address-error" : undefined}
        />
        <Show when={addressError()}>
          <p class="field__error" id="new-department-address-error">
            {addressError()}
          </p>
        </Show>
      </div>
      <button type="submit" class="button button--primary" disabled={saving()}>
        {saving() ? i18n.t("admin.adding") : i18n.t("admin.add")}
      </button>
    </form>
  );
}

function DepartmentRow(props: {
  department: DepartmentInfo;
  manages: boolean;
  act: (work: () => Promise<unknown>) => Promise<boolean>;
  onStaff: () => void;
}) {
  const i18n = useI18n();
  const directory = useDirectory();
  const [renaming, setRenaming] = createSignal(false);
  const [name, setName] = createSignal(props.department.name);
  const [address, setAddress] = createSignal(props.department.address);
  const [addressError, setAddressError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const id = () => props.department.departmentId;
  // Those granted this department; the roles that work every department are said once, in the hint.
  const granted = () => (directory.staff.latest ?? []).filter((s) => !seesAllDepartments(s.role) && s.departmentIds.includes(id()));

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    const done = await props.act(work);
    setBusy(false);
    return done;
  };
  const rename = async (event: Event) => {
    event.preventDefault();
    const changes = {
      ...(name().trim() !== props.department.name ? { name: name() } : {}),
      ...(address().trim() !== props.department.address ? { address: address() } : {}),
    };
    if (!Object.keys(changes).length) return setRenaming(false);
    setAddressError(undefined);
    setBusy(true);
    try {
      await Frontline.updateDepartment(id(), changes);
      directory.refetchDepartments();
      setRenaming(false);
    } catch (failure) {
      // A wrong or taken address is said under its field; anything else where the page says its errors.
      const errors = formErrors(failure, i18n, "department", ["address"]);
      if (errors.fields.address) setAddressError(errors.fields.address);
      else await props.act(() => Promise.reject(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr classList={{ "row--muted": Boolean(props.department.archivedAt) }} data-testid="department-row" data-department={props.department.name}>
      <td>
        <Show
          when={renaming()}
          fallback={
            <>
              <span class="strong">{props.department.name}</span>
              <Show when={props.department.isDefault}>
                {" "}
                <span class="badge badge--neutral">{i18n.t("admin.defaultDepartment")}</span>
              </Show>
              <Show when={props.department.archivedAt}>
                {" "}
                <span class="badge badge--trial">{i18n.t("admin.archived")}</span>
              </Show>
              <Show when={props.department.description}>
                <div class="muted small">{props.department.description}</div>
              </Show>
            </>
          }
        >
          <form class="inline-form inline-form--tight" onSubmit={rename} novalidate>
            <label class="sr-only" for={`rename-${id()}`}>
              {i18n.t("admin.renameLabel", { name: props.department.name })}
            </label>
            <input
              id={`rename-${id()}`}
              class="input input--small"
              value={name()}
              maxLength={60}
              ref={(element) => queueMicrotask(() => element.focus())}
              onInput={(event) => setName(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.preventDefault();
                  setRenaming(false);
                }
              }}
            />
            <label class="sr-only" for={`address-${id()}`}>
              {i18n.t("admin.addressLabel", { name: props.department.name })}
            </label>
            <div class="inline-form__field" classList={{ "field--invalid": Boolean(addressError()) }}>
              <input
                id={`address-${id()}`}
                class="input input--small"
                value={address()}
                maxLength={40}
                autocapitalize="none"
                spellcheck={false}
                onInput={(event) => setAddress(event.currentTarget.value)}
                aria-invalid={addressError() ? "true" : undefined}
                aria-describedby={addressError() ? `address-${id()}-error` : undefined}
              />
              <Show when={addressError()}>
                <p class="field__error" id={`address-${id()}-error`}>
                  {addressError()}
                </p>
              </Show>
            </div>
            <button type="submit" class="button button--primary button--small" disabled={busy()}>
              {i18n.t("common.save")}
            </button>
            <button type="button" class="button button--ghost button--small" onClick={() => setRenaming(false)}>
              {i18n.t("common.cancel")}
            </button>
          </form>
        </Show>
      </td>
      <td>
        <div class="inbound inbound--row">
          <code class="inbound__address inbound__address--small" data-testid="department-address">
            {props.department.inboundAddress}
          </code>
          <CopyButton text={props.department.inboundAddress} testId="copy-department-address" />
        </div>
      </td>
      <td class="muted">
        <Show when={granted().length > 0} fallback={<span class="small">{i18n.t("admin.nobody")}</span>}>
          {granted()
            .map((s) => s.name)
            .join(", ")}
        </Show>
      </td>
      <td class="table__nowrap">{props.department.createdAt ? i18n.date(props.department.createdAt) : "—"}</td>
      <Show when={props.manages}>
        <td class="table__actions">
          <div class="row-actions" role="group" aria-label={i18n.t("admin.actionsLabel", { name: props.department.name })}>
            <button
              type="button"
              class="button button--ghost button--small"
              onClick={() => {
                setName(props.department.name);
                setAddress(props.department.address);
                setAddressError(undefined);
                setRenaming(true);
              }}
              disabled={busy()}
            >
              {i18n.t("admin.rename")}
            </button>
            <button type="button" class="button button--ghost button--small" onClick={() => props.onStaff()} disabled={busy()} data-testid="department-staff">
              {i18n.t("admin.manageStaff")}
            </button>
            <Show when={!props.department.isDefault && !props.department.archivedAt}>
              <button type="button" class="button button--ghost button--small" onClick={() => void run(() => Frontline.updateDepartment(id(), { isDefault: true }))} disabled={busy()}>
                {i18n.t("admin.makeDefault")}
              </button>
            </Show>
            <Show
              when={props.department.archivedAt}
              fallback={
                <Show when={!props.department.isDefault}>
                  <button type="button" class="button button--ghost button--small" onClick={() => void run(() => Frontline.updateDepartment(id(), { archived: true }))} disabled={busy()}>
                    {i18n.t("admin.archive")}
                  </button>
                </Show>
              }
            >
              <button type="button" class="button button--ghost button--small" onClick={() => void run(() => Frontline.updateDepartment(id(), { archived: false }))} disabled={busy()}>
                {i18n.t("admin.restore")}
              </button>
            </Show>
          </div>
        </td>
      </Show>
    </tr>
  );
}

/** Checkboxes of who works a department, saved at once with PUT /api/departments/:id/staff. */
function StaffDialog(props: { department: DepartmentInfo; onClose: () => void; onSave: (staffIds: string[]) => Promise<boolean> }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const id = props.department.departmentId;
  const staff = createMemo(() => (directory.staff.latest ?? []).filter((s) => s.status === "active"));
  const [chosen, setChosen] = createSignal(new Set(staff().filter((s) => s.departmentIds.includes(id)).map((s) => s.staffId)));
  const [saving, setSaving] = createSignal(false);
  const toggle = (member: StaffInfo, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(member.staffId);
    else next.delete(member.staffId);
    setChosen(next);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    // Disabled staff keep what they had; the roles that work everything keep their grants as they are.
    const kept = (directory.staff.latest ?? []).filter((s) => s.status !== "active" && s.departmentIds.includes(id)).map((s) => s.staffId);
    await props.onSave([...new Set([...chosen(), ...kept])]);
    setSaving(false);
  };
  return (
    <Dialog title={i18n.t("admin.staffTitle", { department: props.department.name })} description={i18n.t("admin.staffHint")} onClose={props.onClose} testId="staff-dialog">
      <form class="form" onSubmit={save}>
        <ul class="checklist">
          <For each={staff()}>
            {(member) => {
              const everyDepartment = seesAllDepartments(member.role);
              return (
                <li>
                  <label class="checklist__item" classList={{ "checklist__item--disabled": everyDepartment }}>
                    <input
                      type="checkbox"
                      checked={everyDepartment || chosen().has(member.staffId)}
                      disabled={everyDepartment}
                      onChange={(event) => toggle(member, event.currentTarget.checked)}
                    />
                    <span class="checklist__text">
                      <span class="strong">{member.name}</span>
                      <span class="muted small">
                        {i18n.t(`roles.${member.role}`)}
                        {everyDepartment ? ` · ${i18n.t("admin.worksAll")}` : ""}
                      </span>
                    </span>
                  </label>
                </li>
              );
            }}
          </For>
        </ul>
        <div class="dialog__actions">
          <button type="button" class="button button--ghost" onClick={props.onClose}>
            {i18n.t("common.cancel")}
          </button>
          <button type="submit" class="button button--primary" disabled={saving()} data-testid="save-staff">
            {saving() ? i18n.t("common.saving") : i18n.t("common.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
