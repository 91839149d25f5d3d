import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { A, useNavigate, useParams } from "@solidjs/router";
import { ApiError, Frontline } from "../api/client";
import type { PasswordResetPreview } from "../api/types";
import { AuthLayout } from "../components/auth-layout";
import { LoadError, Loading, Notice } from "../components/notice";
import { TextField } from "../components/text-field";
import { focusFirstInvalid, formErrors, type FormErrors } from "../forms/errors";
import { useI18n } from "../i18n";

type Spent = "used" | "expired" | "unknown";

/**
 * /reset-password/:token: the page a password reset link opens (signed out). It names the account; the person chooses
 * a new password (the same rules as signing up), every other session of the account ends, and they are signed in. A
 * link that is spent, expired or unknown says so, with a way to ask for a new one.
 */
export function ResetPasswordPage() {
  const i18n = useI18n();
  const params = useParams();
  const [spent, setSpent] = createSignal<Spent>();
  const [preview, { refetch }] = createResource(
    () => params.token,
    async (token) => {
      try {
        return (await Frontline.passwordResetPreview(token)).reset;
      } catch (error) {
        // A wrong or unknown token is an answer, not a failure to load.
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
        throw error;
      }
    },
  );
  const state = (): Spent | "pending" | undefined => {
    if (spent()) return spent();
    if (preview.state !== "ready") return undefined;
    const reset = preview();
    return reset ? reset.status : "unknown";
  };
  return (
    <Switch fallback={<AuthLayout title={i18n.t("reset.loadingTitle")} subtitle={i18n.t("reset.loadingSubtitle")} footer={<ResetFooter />}><Loading /></AuthLayout>}>
      <Match when={preview.error && !spent()}>
        <AuthLayout title={i18n.t("reset.loadingTitle")} subtitle={i18n.t("reset.loadingSubtitle")} footer={<ResetFooter />}>
          <LoadError error={preview.error} onRetry={refetch} />
        </AuthLayout>
      </Match>
      <Match when={state() === "used" || state() === "expired" || state() === "unknown"}>
        <AuthLayout title={i18n.t(`reset.spent.${state() as Spent}.title`)} subtitle={i18n.t(`reset.spent.${state() as Spent}.text`)} footer={<ResetFooter />}>
          <div class="form" data-testid="reset-link-spent" data-status={state()}>
            <A class="button button--primary button--block" href="/forgot-password">
              {i18n.t("reset.askAgain")}
            </A>
          </div>
        </AuthLayout>
      </Match>
      <Match when={state() === "pending" && preview()}>
        {(reset) => <NewPasswordForm token={params.token!} reset={reset()} onSpent={setSpent} />}
      </Match>
    </Switch>
  );
}

function ResetFooter() {
  const i18n = useI18n();
  return (
    <>
      {i18n.t("forgot.remembered")} <A href="/login">{i18n.t("forgot.signIn")}</A>
    </>
  );
}

function NewPasswordForm(props: { token: string; reset: PasswordResetPreview; onSpent: (status: Spent) => void }) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [password, setPassword] = createSignal("");
  const [submitting, setSubmitting] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  let form: HTMLFormElement | undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (submitting()) return;
    setSubmitting(true);
    setErrors({ fields: {} });
    try {
      await Frontline.completePasswordReset({ token: props.token, password: password() });
      navigate("/tickets", { replace: true });
    } catch (error) {
      // Spent meanwhile (used in another tab, or the hour ran out while typing): the page says so.
      if (error instanceof ApiError && error.status === 409) {
        const status = (error.current as { status?: string } | undefined)?.status;
        props.onSpent(status === "expired" ? "expired" : "used");
        return;
      }
      setErrors(formErrors(error, i18n, "acceptInvitation", ["password"]));
      setSubmitting(false);
      focusFirstInvalid(form, "reset-password");
    }
  };

  return (
    <AuthLayout title={i18n.t("reset.title")} subtitle={i18n.t("reset.subtitle", { workspace: props.reset.workspace })} footer={<ResetFooter />}>
      <form ref={form} class="form" onSubmit={submit} novalidate aria-busy={submitting()} data-testid="reset-form">
        <Show when={errors().form}>
          <Notice kind="error" testId="reset-error">
            {errors().form}
          </Notice>
        </Show>
        <div class="inbound-preview">
          <span class="inbound-preview__label">{i18n.t("reset.account")}</span>
          <span class="inbound-preview__address" data-testid="reset-email">
            {props.reset.email}
          </span>
        </div>
        <TextField
          id="reset-password"
          type="password"
          label={i18n.t("reset.password")}
          value={password()}
          onValue={setPassword}
          error={errors().fields.password}
          hint={i18n.t("signup.passwordHint")}
          autocomplete="new-password"
          autofocus
        />
        <p class="muted small" data-testid="reset-expires">
          {i18n.t("reset.expires", { when: i18n.dateTime(props.reset.validUntil) })}
        </p>
        <button type="submit" class="button button--primary button--block" disabled={submitting()} data-testid="save-password">
          {submitting() ? i18n.t("reset.submitting") : i18n.t("reset.submit")}
        </button>
      </form>
    </AuthLayout>
  );
}
