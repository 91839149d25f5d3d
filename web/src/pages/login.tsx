import { createMemo, createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { ApiError, Frontline } from "../api/client";
import { AuthLayout } from "../components/auth-layout";
import { Notice } from "../components/notice";
import { TextField } from "../components/text-field";
import { focusFirstInvalid, formErrors, type FormErrors } from "../forms/errors";
import { useI18n, type I18n } from "../i18n";

const FIELDS = ["slug", "email", "password"] as const;
type Field = (typeof FIELDS)[number];

/** Only paths on this site, so that ?next= cannot send anyone elsewhere after signing in. */
function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/login") ? value : "/workspace";
}

/** The API's sentence for every wrong combination, in English; asked in another language, it answers in that one. */
const WRONG_CREDENTIALS = "Wrong workspace, email or password";

function loginErrors(error: unknown, i18n: I18n): FormErrors {
  // Every wrong combination gets the same 401 (the API does not tell which part was wrong). It shares its code with
  // "account disabled", so only the known sentence is translated; any other 401 keeps the server's words.
  if (error instanceof ApiError && error.code === "unauthenticated") {
    return { fields: {}, form: error.message === WRONG_CREDENTIALS ? i18n.t("login.wrongCredentials") : error.message };
  }
  if (error instanceof ApiError && error.code === "too_many_requests") {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return { fields: {}, form: i18n.t("login.throttled", { minutes }) };
  }
  return formErrors(error, i18n, "login", FIELDS);
}

/** /login: signs a staff member in, then goes back where they came from (or to the workspace page). */
export function LoginPage() {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form, setForm] = createStore<Record<Field, string>>({ slug: "", email: "", password: "" });
  const [submitting, setSubmitting] = createSignal(false);
  // The failure is kept, not its text, so that the message follows a change of language.
  const [failure, setFailure] = createSignal<{ error: unknown }>();
  const errors = createMemo<FormErrors>(() => {
    const current = failure();
    return current ? loginErrors(current.error, i18n) : { fields: {} };
  });
  let formElement: HTMLFormElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (submitting()) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      await Frontline.login({ ...form });
      navigate(safeNext(search.next), { replace: true });
    } catch (error) {
      setFailure({ error });
      setForm("password", "");
      setSubmitting(false);
      focusFirstInvalid(formElement, "password");
    }
  };

  const fieldError = (field: Field) => errors().fields[field];
  // The reset page starts with what was typed here.
  const forgotQuery = () => {
    const query = new URLSearchParams(Object.entries({ slug: form.slug.trim(), email: form.email.trim() }).filter(([, v]) => v));
    return query.size ? `?${query}` : "";
  };

  return (
    <AuthLayout
      title={i18n.t("login.title")}
      subtitle={i18n.t("login.subtitle")}
      footer={
        <>
          {i18n.t("login.noWorkspace")} <A href="/signup">{i18n.t("login.createWorkspace")}</A>
        </>
      }
    >
      <form ref={formElement} class="form" onSubmit={submit} novalidate aria-busy={submitting()}>
        <Show when={errors().form}>
          <Notice kind="error" testId="login-error">
            {errors().form}
          </Notice>
        </Show>
        <TextField
          id="slug"
          label={i18n.t("login.slug")}
          value={form.slug}
          onValue={(value) => setForm("slug", value)}
          error={fieldError("slug")}
          placeholder={i18n.t("login.slugPlaceholder")}
          autocomplete="organization"
          spellcheck={false}
          required
          autofocus
        />
        <TextField
          id="email"
          type="email"
          inputMode="email"
          label={i18n.t("login.email")}
          value={form.email}
          onValue={(value) => setForm("email", value)}
          error={fieldError("email")}
          autocomplete="username"
          spellcheck={false}
          required
        />
        <TextField
          id="password"
          type="password"
          label={i18n.t("login.password")}
          value={form.password}
          onValue={(value) => setForm("password", value)}
          error={fieldError("password")}
          autocomplete="current-password"
          required
        />
        <p class="small">
          <A href={`/forgot-password${forgotQuery()}`} data-testid="forgot-password">
            {i18n.t("login.forgot")}
          </A>
        </p>
        <button type="submit" class="button button--primary button--block" disabled={submitting()}>
          {submitting() ? i18n.t("login.submitting") : i18n.t("login.submit")}
        </button>
      </form>
    </AuthLayout>
  );
}
