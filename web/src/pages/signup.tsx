import { createMemo, createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useNavigate } from "@solidjs/router";
import { ApiError, Frontline } from "../api/client";
import { AuthLayout } from "../components/auth-layout";
import { Notice } from "../components/notice";
import { TextField } from "../components/text-field";
import { focusFirstInvalid, formErrors } from "../forms/errors";
import { useI18n } from "../i18n";
import { inboundAddressFor, normalizeSlugInput, suggestSlug } from "../workspace/address";

const FIELDS = ["workspaceName", "slug", "ownerName", "email", "password"] as const;
type Field = (typeof FIELDS)[number];

/** /signup: opens a workspace with its owner, then goes to the workspace page. */
export function SignupPage() {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [form, setForm] = createStore<Record<Field, string>>({
    workspaceName: "",
    slug: "",
    ownerName: "",
    email: "",
    password: "",
  });
  // The address follows the name until the person edits the address themselves.
  const [slugEdited, setSlugEdited] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);
  // The failure is kept, not its text, so that its messages follow a change of language.
  const [failure, setFailure] = createSignal<{ error: unknown; edited: ReadonlySet<Field> }>();
  const errors = createMemo(() => {
    const current = failure();
    if (!current) return { fields: {} as Record<string, string>, form: undefined };
    if (current.error instanceof ApiError && current.error.code === "too_many_requests") {
      // The address opened its workspaces for the day (a fixed window of 24 h): said in the reader's language.
      const hours = Math.max(1, Math.ceil((current.error.retryAfterSeconds ?? 3600) / 3600));
      return { fields: {} as Record<string, string>, form: i18n.t("signup.throttled", { hours }) };
    }
    const described = formErrors(current.error, i18n, "signup", FIELDS);
    for (const field of current.edited) delete described.fields[field];
    return described;
  });
  let formElement: HTMLFormElement | undefined;

  const update = (field: Field, value: string) => {
    setForm(field, value);
    if (field === "workspaceName" && !slugEdited()) setForm("slug", suggestSlug(value, i18n.locale()));
    // A field's error goes away once the person changes that field.
    setFailure((current) => current && { ...current, edited: new Set([...current.edited, field]) });
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (submitting()) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      await Frontline.signup({ ...form, locale: i18n.locale() });
      navigate("/workspace", { replace: true });
    } catch (error) {
      setFailure({ error, edited: new Set<Field>() });
      setSubmitting(false);
      focusFirstInvalid(formElement);
    }
  };

  const fieldError = (field: Field) => errors().fields[field];

  return (
    <AuthLayout
      title={i18n.t("signup.title")}
      subtitle={i18n.t("signup.subtitle")}
      footer={
        <>
          {i18n.t("signup.haveWorkspace")} <A href="/login">{i18n.t("signup.signIn")}</A>
        </>
      }
    >
      <form ref={formElement} class="form" onSubmit={submit} novalidate aria-busy={submitting()}>
        <Show when={errors().form}>
          <Notice kind="error">{errors().form}</Notice>
        </Show>
        <TextField
          id="workspaceName"
          label={i18n.t("signup.workspaceName")}
          value={form.workspaceName}
          onValue={(value) => update("workspaceName", value)}
          error={fieldError("workspaceName")}
          placeholder={i18n.t("signup.workspaceNamePlaceholder")}
          autocomplete="organization"
          maxLength={80}
          required
          autofocus
        />
        <TextField
          id="slug"
          label={i18n.t("signup.slug")}
          value={form.slug}
          onValue={(value) => {
            setSlugEdited(value !== "");
            update("slug", normalizeSlugInput(value));
          }}
          error={fieldError("slug")}
          autocomplete="off"
          spellcheck={false}
          maxLength={40}
          required
          hint={
            <>
              <span class="inbound-preview">
                <span class="inbound-preview__label">{i18n.t("signup.inboundPreview")}:</span>{" "}
                <code class="inbound-preview__address" data-testid="inbound-preview">
                  {inboundAddressFor(form.slug || "your-workspace")}
                </code>
              </span>
              <span class="field__hint-text">{i18n.t("signup.slugHint")}</span>
            </>
          }
        />
        <TextField
          id="ownerName"
          label={i18n.t("signup.ownerName")}
          value={form.ownerName}
          onValue={(value) => update("ownerName", value)}
          error={fieldError("ownerName")}
          autocomplete="name"
          maxLength={100}
          required
        />
        <TextField
          id="email"
          type="email"
          inputMode="email"
          label={i18n.t("signup.email")}
          value={form.email}
          onValue={(value) => update("email", value)}
          error={fieldError("email")}
          autocomplete="email"
          spellcheck={false}
          required
        />
        <TextField
          id="password"
          type="password"
          label={i18n.t("signup.password")}
          value={form.password}
          onValue={(value) => update("password", value)}
          error={fieldError("password")}
          hint={i18n.t("signup.passwordHint")}
          autocomplete="new-password"
          required
        />
        <button type="submit" class="button button--primary button--block" disabled={submitting()}>
          {submitting() ? i18n.t("signup.submitting") : i18n.t("signup.submit")}
        </button>
      </form>
    </AuthLayout>
  );
}
