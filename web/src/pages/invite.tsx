import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { A, useNavigate, useParams } from "@solidjs/router";
import { ApiError, Frontline } from "../api/client";
import type { InvitationPreview } from "../api/types";
import { AuthLayout } from "../components/auth-layout";
import { LoadError, Loading, Notice } from "../components/notice";
import { TextField } from "../components/text-field";
import { focusFirstInvalid, formErrors, type FormErrors } from "../forms/errors";
import { useI18n } from "../i18n";

const FIELDS = ["name", "password"] as const;

/**
 * /invite/:token: the page an invitation link opens (signed out). It says which workspace and address the invitation
 * is for; the person chooses their name and a password, joins, and is signed in (the API sets the session cookie).
 * Whoever joins is staff who works tickets, so they land on the ticket queue, not on the workspace's plan and balance.
 */
export function InvitePage() {
  const i18n = useI18n();
  const params = useParams();
  const [preview, { refetch }] = createResource(
    () => params.token,
    async (token) => {
      try {
        return (await Frontline.invitationPreview(token)).invitation;
      } catch (error) {
        // A wrong or unknown token is an answer, not a failure to load.
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
        throw error;
      }
    },
  );
  return (
    <Switch fallback={<AuthLayout title={i18n.t("invite.loadingTitle")} subtitle={i18n.t("invite.loadingSubtitle")} footer={<InviteFooter />}><Loading /></AuthLayout>}>
      <Match when={preview.error}>
        <AuthLayout title={i18n.t("invite.loadingTitle")} subtitle={i18n.t("invite.loadingSubtitle")} footer={<InviteFooter />}>
          <LoadError error={preview.error} onRetry={refetch} />
        </AuthLayout>
      </Match>
      <Match when={preview.state === "ready" && preview() === null}>
        <AuthLayout title={i18n.t("invite.notFoundTitle")} subtitle={i18n.t("invite.notFound")} footer={<InviteFooter />}>
          <span data-testid="invitation-not-found" />
        </AuthLayout>
      </Match>
      <Match when={preview.state === "ready" && preview()}>
        {(invitation) => (
          <Show
            when={invitation().status === "pending"}
            fallback={
              <AuthLayout title={i18n.t("invite.closedTitle")} subtitle={i18n.t(`invite.closed.${invitation().status as "accepted" | "revoked" | "expired"}`)} footer={<InviteFooter />}>
                <span data-testid="invitation-closed" data-status={invitation().status} />
              </AuthLayout>
            }
          >
            <AcceptForm token={params.token!} invitation={invitation()} />
          </Show>
        )}
      </Match>
    </Switch>
  );
}

function InviteFooter() {
  const i18n = useI18n();
  return (
    <>
      {i18n.t("invite.haveAccount")} <A href="/login">{i18n.t("invite.signIn")}</A>
    </>
  );
}

function AcceptForm(props: { token: string; invitation: InvitationPreview }) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [name, setName] = createSignal(props.invitation.name ?? "");
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
      await Frontline.acceptInvitation({ token: props.token, name: name().trim(), password: password(), locale: i18n.locale() });
      navigate("/tickets", { replace: true });
    } catch (error) {
      setErrors(formErrors(error, i18n, "acceptInvitation", FIELDS));
      setSubmitting(false);
      focusFirstInvalid(form, "invite-password");
    }
  };

  return (
    <AuthLayout
      title={i18n.t("invite.title", { workspace: props.invitation.workspace })}
      subtitle={i18n.t("invite.subtitle", { role: i18n.t(`roles.${props.invitation.role}`) })}
      footer={<InviteFooter />}
    >
      <form ref={form} class="form" onSubmit={submit} novalidate aria-busy={submitting()} data-testid="accept-form">
        <Show when={errors().form}>
          <Notice kind="error" testId="accept-error">
            {errors().form}
          </Notice>
        </Show>
        <div class="inbound-preview">
          <span class="inbound-preview__label">{i18n.t("invite.email")}</span>
          <span class="inbound-preview__address" data-testid="invitation-email">
            {props.invitation.email}
          </span>
        </div>
        <TextField id="invite-name" label={i18n.t("invite.name")} value={name()} onValue={setName} error={errors().fields.name} autocomplete="name" maxLength={100} autofocus />
        <TextField
          id="invite-password"
          type="password"
          label={i18n.t("invite.password")}
          value={password()}
          onValue={setPassword}
          error={errors().fields.password}
          hint={i18n.t("signup.passwordHint")}
          autocomplete="new-password"
        />
        <p class="muted small" data-testid="invitation-expires">
          {i18n.t("invite.expires", { when: i18n.dateTime(props.invitation.expiresAt) })}
        </p>
        <button type="submit" class="button button--primary button--block" disabled={submitting()} data-testid="accept-invitation">
          {submitting() ? i18n.t("invite.submitting") : i18n.t("invite.submit")}
        </button>
      </form>
    </AuthLayout>
  );
}
