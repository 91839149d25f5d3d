import { createMemo, createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { ApiError } from "../../api/client";
import { LocaleSwitcher } from "../../components/locale-switcher";
import { Notice } from "../../components/notice";
import { TextField } from "../../components/text-field";
import { focusFirstInvalid, formErrors, type FormErrors } from "../../forms/errors";
import { useI18n, type I18n } from "../../i18n";
import { OperatorApi } from "../client";
import { OperatorBrand } from "../layout";

const FIELDS = ["email", "password"] as const;
type Field = (typeof FIELDS)[number];

/** Only pages of the operator console, so that ?next= cannot send anyone elsewhere after signing in. */
export function operatorNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && /^\/operator(\/|$)/.test(value) && !value.startsWith("/operator/login") ? value : "/operator";
}

/** The API's sentence for every wrong combination, in English; asked in another language, it answers in that one. */
const WRONG_CREDENTIALS = "Wrong email or password";

function loginErrors(error: unknown, i18n: I18n): FormErrors {
  // Every wrong combination gets the same 401; only the known sentence is translated, another keeps the server's words.
  if (error instanceof ApiError && error.code === "unauthenticated") {
    return { fields: {}, form: error.message === WRONG_CREDENTIALS ? i18n.t("operator.login.wrongCredentials") : error.message };
  }
  if (error instanceof ApiError && error.code === "too_many_requests") {
    return { fields: {}, form: i18n.t("operator.login.throttled", { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) }) };
  }
  return formErrors(error, i18n, "login", FIELDS);
}

/** /operator/login: the operators' own sign-in (they are nobody's staff), then back where they were going. */
export function OperatorLoginPage() {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form, setForm] = createStore<Record<Field, string>>({ email: "", password: "" });
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
      await OperatorApi.login({ ...form });
      navigate(operatorNext(search.next), { replace: true });
    } catch (error) {
      setFailure({ error });
      setForm("password", "");
      setSubmitting(false);
      focusFirstInvalid(formElement, "operator-password");
    }
  };

  return (
    <div class="auth">
      <header class="auth__header">
        <OperatorBrand />
        <LocaleSwitcher />
      </header>
      <main class="auth__main" id="main">
        <section class="auth__card" aria-labelledby="auth-title">
          <h1 class="auth__title" id="auth-title">
            {i18n.t("operator.login.title")}
          </h1>
          <p class="auth__subtitle">{i18n.t("operator.login.subtitle")}</p>
          <form ref={formElement} class="form" onSubmit={submit} novalidate aria-busy={submitting()}>
            <Show when={errors().form}>
              <Notice kind="error" testId="operator-login-error">
                {errors().form}
              </Notice>
            </Show>
            <TextField
              id="operator-email"
              type="email"
              inputMode="email"
              label={i18n.t("operator.login.email")}
              value={form.email}
              onValue={(value) => setForm("email", value)}
              error={errors().fields.email}
              autocomplete="username"
              spellcheck={false}
              required
              autofocus
            />
            <TextField
              id="operator-password"
              type="password"
              label={i18n.t("operator.login.password")}
              value={form.password}
              onValue={(value) => setForm("password", value)}
              error={errors().fields.password}
              autocomplete="current-password"
              required
            />
            <button type="submit" class="button button--primary button--block" disabled={submitting()}>
              {submitting() ? i18n.t("operator.login.submitting") : i18n.t("operator.login.submit")}
            </button>
          </form>
        </section>
        <p class="auth__footer">
          {i18n.t("operator.login.staffPrompt")} <A href="/login">{i18n.t("operator.login.staffLink")}</A>
        </p>
      </main>
    </div>
  );
}
