import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, Frontline } from "../../../api/client";
import type { LetterInfo, LetterKind, LetterLocale, LetterTemplate } from "../../../api/types";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { Loaded, Notice } from "../../../components/notice";
import { PageHeader } from "../../../components/page-header";
import { VariableList } from "../../../components/variable-list";
import { errorMessage, formErrors, type FormErrors } from "../../../forms/errors";
import { insertAtCursor } from "../../../forms/insert";
import { useI18n } from "../../../i18n";
import { LetterKinds, LetterLocales } from "../../../mail/vocabulary";
import { useMe } from "../../../session/me";
import { configures } from "../../../tickets/lifecycle";

/** How long typing must pause before the preview is rendered again. */
export const PREVIEW_DEBOUNCE_MS = 350;

/** The variables a letter may use, as written in a template. */
const VARIABLES = [
  { text: "{{ customer.name }}", hint: "customerName" },
  { text: "{{ ticket.number }}", hint: "ticketNumber" },
  { text: "{{ ticket.subject }}", hint: "ticketSubject" },
  { text: "{{ agent.name }}", hint: "agentName" },
  { text: "{{ workspace.name }}", hint: "workspaceName" },
  { text: "{{ message }}", hint: "message" },
  { text: "{{ reply_marker }}", hint: "replyMarker" },
  { text: "{% if solved %}…{% endif %}", insert: "{% if solved %}\n\n{% endif %}", hint: "solved" },
] as const;

const keyOf = (kind: LetterKind, locale: LetterLocale) => `${kind}/${locale}`;

/**
 * /admin/mail/letters: the wording of each letter customers get, per kind and language, as Liquid templates. An
 * editor with the variables at hand and a live preview rendered by the API; save, discard, or go back to the default.
 */
export function LettersPage() {
  const i18n = useI18n();
  const [letters, { refetch, mutate }] = createResource(async () => (await Frontline.letters()).letters);
  return (
    <>
      <PageHeader title={i18n.t("letters.title")} subtitle={i18n.t("letters.subtitle")} />
      <Loaded data={letters} onRetry={refetch}>
        {(list) => (
          <LetterEditor
            letters={list()}
            onSaved={(letter) => mutate((current) => (current ?? []).map((l) => (l.kind === letter.kind && l.locale === letter.locale ? letter : l)))}
          />
        )}
      </Loaded>
    </>
  );
}

function LetterEditor(props: { letters: LetterInfo[]; onSaved: (letter: LetterInfo) => void }) {
  const i18n = useI18n();
  const { me } = useMe();
  const manages = () => configures(me().staff.role);
  const [kind, setKind] = createSignal<LetterKind>("ticket_received");
  const [locale, setLocale] = createSignal<LetterLocale>((LetterLocales as readonly string[]).includes(i18n.locale()) ? (i18n.locale() as LetterLocale) : "en");
  // Unsaved wording, by letter: switching letters keeps what was typed in each.
  const [drafts, setDrafts] = createStore<Record<string, LetterTemplate | undefined>>({});
  const [saving, setSaving] = createSignal(false);
  const [resetting, setResetting] = createSignal(false);
  const [confirmReset, setConfirmReset] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  const [status, setStatus] = createSignal("");
  let subjectInput: HTMLInputElement | undefined;
  let bodyInput: HTMLTextAreaElement | undefined;
  let lastField: "subject" | "body" = "body";

  const key = () => keyOf(kind(), locale());
  const letter = createMemo(() => props.letters.find((l) => l.kind === kind() && l.locale === locale())!);
  const subject = () => drafts[key()]?.subject ?? letter().subject;
  const body = () => drafts[key()]?.body ?? letter().body;
  const dirtyOf = (k: LetterKind, l: LetterLocale) => {
    const draft = drafts[keyOf(k, l)];
    const saved = props.letters.find((x) => x.kind === k && x.locale === l);
    return Boolean(draft && saved && (draft.subject !== saved.subject || draft.body !== saved.body));
  };
  const dirty = () => dirtyOf(kind(), locale());
  const customOf = (k: LetterKind) => props.letters.some((l) => l.kind === k && l.custom);

  const edit = (patch: Partial<LetterTemplate>) => {
    setDrafts(key(), { subject: subject(), body: body(), ...patch });
    setStatus("");
  };

  // A new letter on screen: its own errors.
  createEffect(on(key, () => setErrors({ fields: {} }), { defer: true }));

  // The preview: rendered by the API once typing pauses; an answer to older text is dropped.
  const [preview, setPreview] = createSignal<LetterTemplate>();
  const [previewError, setPreviewError] = createSignal<string>();
  const [previewing, setPreviewing] = createSignal(false);
  let generation = 0;
  createEffect(
    on([kind, locale, subject, body], ([k, l, s, b]) => {
      const mine = ++generation;
      setPreviewing(true);
      const timer = setTimeout(async () => {
        try {
          const { preview: rendered } = await Frontline.previewLetter(k, l, { subject: s, body: b });
          if (mine !== generation) return;
          setPreview(rendered);
          setPreviewError(undefined);
        } catch (error) {
          if (mine !== generation) return;
          setPreviewError(error instanceof ApiError && error.issues.length ? error.issues.map((issue) => issue.message).join("; ") : errorMessage(error, i18n));
        } finally {
          if (mine === generation) setPreviewing(false);
        }
      }, PREVIEW_DEBOUNCE_MS);
      onCleanup(() => clearTimeout(timer));
    }),
  );

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving() || !manages() || !dirty()) return;
    setSaving(true);
    setErrors({ fields: {} });
    setStatus("");
    const [k, l] = [kind(), locale()];
    try {
      const { letter: saved } = await Frontline.saveLetter(k, l, { subject: subject(), body: body() });
      setDrafts(keyOf(k, l), undefined);
      props.onSaved(saved);
      setStatus(i18n.t("letters.saved"));
    } catch (error) {
      setErrors(formErrors(error, i18n, "letter", ["subject", "body"]));
    } finally {
      setSaving(false);
    }
  };

  const reset = async () => {
    setResetting(true);
    setErrors({ fields: {} });
    const [k, l] = [kind(), locale()];
    try {
      const { letter: restored } = await Frontline.resetLetter(k, l);
      setDrafts(keyOf(k, l), undefined);
      props.onSaved(restored);
      setStatus(i18n.t("letters.resetDone"));
      setConfirmReset(false);
    } catch (error) {
      setConfirmReset(false);
      setErrors({ fields: {}, form: errorMessage(error, i18n) });
    } finally {
      setResetting(false);
    }
  };

  /** Puts a variable where the cursor was, in the subject or the body (whichever was last in use). */
  const insert = (text: string) => {
    const inSubject = lastField === "subject";
    const field = inSubject ? subjectInput : bodyInput;
    if (field) insertAtCursor(field, inSubject ? subject() : body(), text, (next) => edit(inSubject ? { subject: next } : { body: next }));
  };

  return (
    <>
      <Show when={!manages()}>
        <Notice kind="info" testId="letters-admins-only">
          {i18n.t("letters.onlyAdmins")}
        </Notice>
      </Show>
      <div class="letters-picker">
        <div class="segmented" role="group" aria-label={i18n.t("letters.kindsLabel")}>
          <For each={LetterKinds}>
            {(k) => (
              <button
                type="button"
                class="segmented__option"
                classList={{ "segmented__option--active": kind() === k }}
                aria-pressed={kind() === k}
                onClick={() => setKind(k)}
                data-testid={`letter-kind-${k}`}
              >
                {i18n.t(`letters.kinds.${k}`)}
                <Show when={customOf(k) || LetterLocales.some((l) => dirtyOf(k, l))}>
                  <span class="segmented__dot" aria-hidden="true" />
                </Show>
              </button>
            )}
          </For>
        </div>
        <div class="segmented" role="group" aria-label={i18n.t("letters.localesLabel")}>
          <For each={LetterLocales}>
            {(l) => (
              <button
                type="button"
                class="segmented__option"
                classList={{ "segmented__option--active": locale() === l }}
                aria-pressed={locale() === l}
                onClick={() => setLocale(l)}
                data-testid={`letter-locale-${l}`}
              >
                {i18n.t(`letters.locales.${l}`)}
              </button>
            )}
          </For>
        </div>
      </div>
      <div class="letters-layout">
        <form class="card letter-editor" onSubmit={save} novalidate data-testid="letter-editor" data-letter={key()}>
          <div class="letter-editor__head">
            <div>
              <h2 class="letter-editor__title">
                {i18n.t(`letters.kinds.${kind()}`)} · {i18n.t(`letters.locales.${locale()}`)}
              </h2>
              <p class="muted small">{i18n.t(`letters.kindHints.${kind()}`)}</p>
            </div>
            <div class="letter-editor__badges">
              <Show when={dirty()}>
                <span class="badge badge--trial" data-testid="letter-unsaved">
                  {i18n.t("letters.unsaved")}
                </span>
              </Show>
              <Show when={letter().custom}>
                <span class="badge badge--info" data-testid="letter-custom">
                  {i18n.t("letters.custom")}
                </span>
              </Show>
            </div>
          </div>
          <Show when={errors().form}>
            <Notice kind="error" testId="letter-error">
              {errors().form}
            </Notice>
          </Show>
          <div class="field" classList={{ "field--invalid": Boolean(errors().fields.subject) }}>
            <label class="field__label" for="letter-subject">
              {i18n.t("letters.subject")}
            </label>
            <input
              ref={subjectInput}
              id="letter-subject"
              class="input mono"
              value={subject()}
              readOnly={!manages()}
              maxLength={300}
              spellcheck={false}
              onInput={(event) => edit({ subject: event.currentTarget.value })}
              onFocus={() => (lastField = "subject")}
              aria-invalid={errors().fields.subject ? "true" : undefined}
              aria-describedby={errors().fields.subject ? "letter-subject-error" : undefined}
            />
            <Show when={errors().fields.subject}>
              <p class="field__error" id="letter-subject-error">
                {errors().fields.subject}
              </p>
            </Show>
          </div>
          <div class="field" classList={{ "field--invalid": Boolean(errors().fields.body) }}>
            <label class="field__label" for="letter-body">
              {i18n.t("letters.body")}
            </label>
            <textarea
              ref={bodyInput}
              id="letter-body"
              class="input textarea textarea--code"
              rows={16}
              value={body()}
              readOnly={!manages()}
              spellcheck={false}
              onInput={(event) => edit({ body: event.currentTarget.value })}
              onFocus={() => (lastField = "body")}
              aria-invalid={errors().fields.body ? "true" : undefined}
              aria-describedby={errors().fields.body ? "letter-body-error" : undefined}
            />
            <Show when={errors().fields.body}>
              <p class="field__error" id="letter-body-error" data-testid="letter-body-error">
                {errors().fields.body}
              </p>
            </Show>
          </div>
          <Show when={manages()}>
            <VariableList
              variables={VARIABLES.map((variable) => ({ ...variable, hint: i18n.t(`letters.variableHints.${variable.hint}`) }))}
              onInsert={insert}
            />
            <div class="form-actions">
              <p class="muted small form-actions__status" role="status" data-testid="letter-status">
                {status() ||
                  (letter().custom && letter().updatedBy && letter().updatedAt
                    ? i18n.t("letters.updated", { name: letter().updatedBy!, when: i18n.relative(letter().updatedAt!) })
                    : letter().custom
                      ? ""
                      : i18n.t("letters.isDefault"))}
              </p>
              <Show when={letter().custom}>
                <button type="button" class="button button--ghost button--danger-text" onClick={() => setConfirmReset(true)} disabled={resetting()} data-testid="letter-reset">
                  {i18n.t("letters.reset")}
                </button>
              </Show>
              <Show when={dirty()}>
                <button type="button" class="button button--ghost" onClick={() => setDrafts(key(), undefined)} data-testid="letter-discard">
                  {i18n.t("letters.discard")}
                </button>
              </Show>
              <button type="submit" class="button button--primary" disabled={saving()} aria-disabled={!dirty()} data-testid="letter-save">
                {saving() ? i18n.t("letters.saving") : i18n.t("letters.save")}
              </button>
            </div>
          </Show>
        </form>
        <section class="card letter-preview" aria-labelledby="letter-preview-title" aria-busy={previewing()} data-testid="letter-preview">
          <div class="letter-preview__head">
            <h2 class="card__title" id="letter-preview-title">
              {i18n.t("letters.preview")}
            </h2>
            <span class="muted small">{i18n.t("letters.previewHint")}</span>
          </div>
          <Show when={previewError()}>
            <Notice kind="error" testId="letter-preview-error">
              {previewError()}
            </Notice>
          </Show>
          <Show when={preview()}>
            {(rendered) => (
              <div class="letter-preview__mail" classList={{ "is-stale": Boolean(previewError()) || previewing() }}>
                <p class="letter-preview__subject">
                  <span class="muted">{i18n.t("letters.previewSubject")}:</span> <span data-testid="letter-preview-subject">{rendered().subject}</span>
                </p>
                <div class="letter-preview__body" data-testid="letter-preview-body">
                  {rendered().body}
                </div>
              </div>
            )}
          </Show>
        </section>
      </div>
      <Show when={confirmReset()}>
        <ConfirmDialog
          title={i18n.t("letters.resetTitle")}
          description={i18n.t("letters.resetText")}
          confirm={resetting() ? i18n.t("letters.resetting") : i18n.t("letters.reset")}
          danger
          busy={resetting()}
          onConfirm={() => void reset()}
          onClose={() => setConfirmReset(false)}
        />
      </Show>
    </>
  );
}
