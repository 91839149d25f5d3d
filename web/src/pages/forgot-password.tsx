import { createMemo, createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useSearchParams } from "@solidjs/router";
import { ApiError, Frontline } from "../api/client";
import { AuthLayout } from "../components/auth-layout";
import { Notice } from "../components/notice";
import { TextField } from "../components/text-field";
import { focusFirstInvalid, formErrors, type FormErrors } from "../forms/errors";
import { useI18n, type I18n } from "../i18n";

const FIELDS = ["slug", "email"] as const;
type Field = (typeof FIELDS)[number];

function requestErrors(error: unknown, i18n: I18n): FormErrors {
  if (error instanceof ApiError && error.code === "too_many_requests") {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return { fields: {}, form: i18n.t("forgot.throttled", { minutes }) };
  }
  return formErrors(error, i18n, "login", FIELDS);
}

/**
 * /forgot-password: asks for a link to choose a new password. The answer is the same whether or not there is such an
 * account (the API says nothing either), so the page says "if an account exists". The workspace address may come
 * from the sign-in page (?slug=).
 */
export function ForgotPasswordPage() {
  const i18n = useI18n();
  const [search] = useSearchParams();
  const initial = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
  const [form, setForm] = createStore<Record<Field, string>>({ slug: initial(search.slug), email: initial(search.email) });
  const [submitting, setSubmitting] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  const [failure, setFailure] = createSignal<{ error: unknown }>();
  const errors = createMemo<FormErrors>(() => {
    const current = failure();
    return current ? requestErrors(current.error, i18n) : { fields: {} };
  });
  let formElement: HTMLFormElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (submitting()) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      await Frontline.requestPasswordReset({ ...form });
      setSent(true);
    } catch (error) {
      setFailure({ error });
      focusFirstInvalid(formElement, "forgot-slug");
    } finally {
      setSubmitting(false);
    }
  };

  const footer = (
    <>
      {i18n.t("forgot.remembered")} <A href="/login">{i18n.t("forgot.signIn")}</A>
    </>
  );

  return (
    <Show
      when={!sent()}
      fallback={
        <AuthLayout title={i18n.t("forgot.sentTitle")} subtitle={i18n.t("forgot.sent")} footer={footer}>
          <div class="form" data-testid="reset-requested">
            <button type="button" class="button button--secondary button--block" onClick={() => setSent(false)}>
              {i18n.t("forgot.again")}
            </button>
          </div>
        </AuthLayout>
      }
    >
      <AuthLayout title={i18n.t("forgot.title")} subtitle={i18n.t("forgot.subtitle")} footer={footer}>
        <form ref={formElement} class="form" onSubmit={submit} novalidate aria-busy={submitting()} data-testid="forgot-form">
          <Show when={errors().form}>
            <Notice kind="error" testId="forgot-error">
              {errors().form}
            </Notice>
          </Show>
          <TextField
            id="forgot-slug"
            label={i18n.t("login.slug")}
            value={form.slug}
            onValue={(value) => setForm("slug", value)}
            error={errors().fields.slug}
            placeholder={i18n.t("login.slugPlaceholder")}
            autocomplete="organization"
            spellcheck={false}
            required
            autofocus
          />
          <TextField
            id="forgot-email"
            type="email"
            inputMode="email"
            label={i18n.t("login.email")}
            value={form.email}
            onValue={(value) => setForm("email", value)}
            error={errors().fields.email}
            autocomplete="username"
            spellcheck={false}
            required
          />
          <button type="submit" class="button button--primary button--block" disabled={submitting()} data-testid="send-reset-link">
            {submitting() ? i18n.t("forgot.submitting") : i18n.t("forgot.submit")}
          </button>
        </form>
      </AuthLayout>
    </Show>
  );
}
