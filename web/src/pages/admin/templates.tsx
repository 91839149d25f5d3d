import { createResource, createSignal, For, Show } from "solid-js";
import { Frontline } from "../../api/client";
import type { ReplyTemplateInfo } from "../../api/types";
import { adminsOnly } from "../../components/admins-only";
import { CheckboxGroup } from "../../components/checkbox-group";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { Dialog } from "../../components/dialog";
import { Loaded, Notice } from "../../components/notice";
import { PageHeader } from "../../components/page-header";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { VariableList } from "../../components/variable-list";
import { errorMessage, focusFirstInvalid, formErrors, type FormErrors } from "../../forms/errors";
import { insertAtCursor } from "../../forms/insert";
import { useI18n } from "../../i18n";
import { useDirectory } from "../../session/directory";

/** The placeholders a reply template may use, filled in for the ticket it is inserted into (ReplyTemplate.render). */
export const Placeholders = [
  { text: "{{ customer.name }}", hint: "customerName" },
  { text: "{{ customer.email }}", hint: "customerEmail" },
  { text: "{{ ticket.number }}", hint: "ticketNumber" },
  { text: "{{ ticket.subject }}", hint: "ticketSubject" },
  { text: "{{ agent.name }}", hint: "agentName" },
  { text: "{{ workspace.name }}", hint: "workspaceName" },
] as const;

/** /admin/templates: the reply templates agents insert from the composer; admins write, change and delete them. */
export const TemplatesPage = adminsOnly(Templates);

function Templates() {
  const i18n = useI18n();
  const directory = useDirectory();
  const [templates, { refetch, mutate }] = createResource(async () => (await Frontline.replyTemplates()).templates);
  const [editing, setEditing] = createSignal<ReplyTemplateInfo | "new">();
  const [deleting, setDeleting] = createSignal<ReplyTemplateInfo>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [announcement, setAnnouncement] = createSignal("");

  const departmentNames = (ids: string[]) =>
    ids.length ? ids.map((id) => directory.departmentById(id)?.name ?? id).join(", ") : i18n.t("replyTemplates.allDepartments");

  const saved = (template: ReplyTemplateInfo) => {
    mutate((current) => [...(current ?? []).filter((t) => t.templateId !== template.templateId), template].sort((a, b) => a.name.localeCompare(b.name)));
    setEditing(undefined);
    setAnnouncement(i18n.t("replyTemplates.saved", { name: template.name }));
  };

  const remove = async (template: ReplyTemplateInfo) => {
    setBusy(true);
    setError(undefined);
    try {
      await Frontline.deleteReplyTemplate(template.templateId);
      mutate((current) => (current ?? []).filter((t) => t.templateId !== template.templateId));
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
        title={i18n.t("replyTemplates.title")}
        subtitle={i18n.t("replyTemplates.subtitle")}
        actions={
          <button type="button" class="button button--primary" onClick={() => setEditing("new")} data-testid="new-template">
            {i18n.t("replyTemplates.new")}
          </button>
        }
      />
      <p class="sr-only" role="status">
        {announcement()}
      </p>
      <section class="card card--flush" aria-label={i18n.t("replyTemplates.title")} aria-busy={busy()}>
        <Show when={error()}>
          <div class="card__body card__body--top">
            <Notice kind="error" testId="templates-error">
              {error()}
            </Notice>
          </div>
        </Show>
        <Loaded data={templates} onRetry={refetch} frame={(content) => <div class="card__body card__body--top">{content}</div>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="empty empty--center" data-testid="templates-empty">{i18n.t("replyTemplates.empty")}</p>}>
              <TableScroll label={i18n.t("replyTemplates.title")}>
                <table class="table" data-testid="templates-table">
                  <thead>
                    <tr>
                      <th scope="col">{i18n.t("replyTemplates.columns.name")}</th>
                      <th scope="col">{i18n.t("replyTemplates.columns.departments")}</th>
                      <th scope="col" class="table__nowrap">{i18n.t("replyTemplates.columns.updated")}</th>
                      <th scope="col" class="table__actions">
                        <span class="sr-only">{i18n.t("replyTemplates.columns.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(template) => (
                        <tr data-testid="template-row" data-template={template.name}>
                          <td class="cell-subject">
                            <span class="strong">{template.name}</span>
                            <span class="cell-line small muted cell-ellipsis" title={template.body}>
                              {template.body}
                            </span>
                          </td>
                          <td class="muted">{departmentNames(template.departmentIds)}</td>
                          <td class="table__nowrap">{i18n.date(template.updatedAt)}</td>
                          <td class="table__actions">
                            <div class="row-actions" role="group" aria-label={template.name}>
                              <button type="button" class="button button--ghost button--small" onClick={() => setEditing(template)} disabled={busy()} data-testid="edit-template">
                                {i18n.t("replyTemplates.edit")}
                              </button>
                              <button
                                type="button"
                                class="button button--ghost button--small button--danger-text"
                                onClick={() => setDeleting(template)}
                                disabled={busy()}
                                data-testid="delete-template"
                              >
                                {i18n.t("replyTemplates.delete")}
                              </button>
                            </div>
                          </td>
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
      <Show when={editing()} keyed>
        {(template) => <TemplateEditor template={template === "new" ? undefined : template} onClose={() => setEditing(undefined)} onSaved={saved} />}
      </Show>
      <Show when={deleting()}>
        {(template) => (
          <ConfirmDialog
            title={i18n.t("replyTemplates.deleteTitle", { name: template().name })}
            description={i18n.t("replyTemplates.deleteText")}
            confirm={i18n.t("replyTemplates.delete")}
            danger
            busy={busy()}
            onConfirm={() => void remove(template())}
            onClose={() => setDeleting(undefined)}
          />
        )}
      </Show>
    </>
  );
}

const FIELDS = ["name", "body", "departmentIds"] as const;

function TemplateEditor(props: { template: ReplyTemplateInfo | undefined; onClose: () => void; onSaved: (template: ReplyTemplateInfo) => void }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const [name, setName] = createSignal(props.template?.name ?? "");
  const [body, setBody] = createSignal(props.template?.body ?? "");
  const [departmentIds, setDepartmentIds] = createSignal<string[]>([...(props.template?.departmentIds ?? [])]);
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  const departments = () => (directory.departments.latest ?? []).filter((d) => !d.archivedAt || departmentIds().includes(d.departmentId));
  let form: HTMLFormElement | undefined;
  let bodyInput: HTMLTextAreaElement | undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving()) return;
    const missing: Record<string, string> = {};
    if (!name().trim()) missing.name = i18n.t("replyTemplates.nameMissing");
    if (!body().trim()) missing.body = i18n.t("replyTemplates.bodyMissing");
    if (Object.keys(missing).length) {
      setErrors({ fields: missing });
      focusFirstInvalid(form);
      return;
    }
    setSaving(true);
    setErrors({ fields: {} });
    const input = { name: name().trim(), body: body().trim(), departmentIds: departmentIds() };
    try {
      const { template } = props.template ? await Frontline.updateReplyTemplate(props.template.templateId, input) : await Frontline.createReplyTemplate(input);
      props.onSaved(template);
    } catch (error) {
      setErrors(formErrors(error, i18n, "replyTemplate", FIELDS, (path) => (path.startsWith("departmentIds") ? "departmentIds" : path)));
      focusFirstInvalid(form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={props.template ? i18n.t("replyTemplates.editTitle", { name: props.template.name }) : i18n.t("replyTemplates.newTitle")}
      onClose={props.onClose}
      wide
      testId="template-dialog"
    >
      <form ref={form} class="form" onSubmit={submit} novalidate aria-busy={saving()} data-testid="template-form">
        <Show when={errors().form}>
          <Notice kind="error" testId="template-error">
            {errors().form}
          </Notice>
        </Show>
        <TextField
          id="template-name"
          label={i18n.t("replyTemplates.name")}
          value={name()}
          onValue={setName}
          placeholder={i18n.t("replyTemplates.namePlaceholder")}
          error={errors().fields.name}
          maxLength={80}
        />
        <div class="field" classList={{ "field--invalid": Boolean(errors().fields.body) }}>
          <label class="field__label" for="template-body">
            {i18n.t("replyTemplates.body")}
          </label>
          <textarea
            ref={bodyInput}
            id="template-body"
            class="input textarea"
            rows={9}
            value={body()}
            onInput={(event) => setBody(event.currentTarget.value)}
            aria-invalid={errors().fields.body ? "true" : undefined}
            aria-describedby={errors().fields.body ? "template-body-error" : undefined}
          />
          <Show when={errors().fields.body}>
            <p class="field__error" id="template-body-error">
              {errors().fields.body}
            </p>
          </Show>
        </div>
        <VariableList
          variables={Placeholders.map((p) => ({ text: p.text, hint: i18n.t(`replyTemplates.placeholders.${p.hint}`) }))}
          onInsert={(text) => bodyInput && insertAtCursor(bodyInput, body(), text, setBody)}
          testId="template-placeholders"
        />
        <Show when={departments().length > 0}>
          <CheckboxGroup
            id="template-departments"
            legend={i18n.t("replyTemplates.departments")}
            options={departments().map((d) => ({ value: d.departmentId, label: d.name }))}
            values={departmentIds()}
            onChange={setDepartmentIds}
            emptyLabel={i18n.t("replyTemplates.allDepartments")}
            error={errors().fields.departmentIds}
            hint={i18n.t("replyTemplates.departmentsHint")}
          />
        </Show>
        <div class="dialog__actions">
          <button type="button" class="button button--ghost" onClick={props.onClose}>
            {i18n.t("common.cancel")}
          </button>
          <button type="submit" class="button button--primary" disabled={saving()} data-testid="save-template">
            {saving() ? i18n.t("common.saving") : props.template ? i18n.t("replyTemplates.save") : i18n.t("replyTemplates.create")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
