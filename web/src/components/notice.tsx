import { Match, Show, Switch, type Accessor, type JSX, type Resource } from "solid-js";
import { Navigate, useLocation } from "@solidjs/router";
import { ApiError } from "../api/client";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";

/** A message box: "error" is announced at once (role=alert), "info" politely (role=status). */
export function Notice(props: { kind: "error" | "info"; title?: string; children: JSX.Element; testId?: string }) {
  return (
    <div class={`notice notice--${props.kind}`} role={props.kind === "error" ? "alert" : "status"} data-testid={props.testId}>
      <Show when={props.title}>
        <p class="notice__title">{props.title}</p>
      </Show>
      <div class="notice__body">{props.children}</div>
    </div>
  );
}

/** Where to send someone whose session has ended, so that signing in brings them back here. */
export function loginHref(pathname: string): string {
  return pathname && pathname !== "/" ? `/login?next=${encodeURIComponent(pathname)}` : "/login";
}

/** A failed load: a signed-out session goes to the sign-in page, anything else is shown with a retry button. */
export function LoadError(props: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  const location = useLocation();
  return (
    <Show
      when={!(props.error instanceof ApiError && props.error.status === 401)}
      fallback={<Navigate href={loginHref(location.pathname)} />}
    >
      <Notice kind="error" title={i18n.t("errors.title")}>
        <p>{errorMessage(props.error, i18n)}</p>
        <Show when={props.onRetry}>
          <button type="button" class="button button--secondary button--small" onClick={() => props.onRetry?.()}>
            {i18n.t("errors.retry")}
          </button>
        </Show>
      </Notice>
    </Show>
  );
}

export function Loading() {
  const i18n = useI18n();
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{i18n.t("app.loading")}</span>
    </div>
  );
}

/**
 * The three states of data loaded from the API: loading, failed (with a retry) and ready. Children render the data;
 * a refetch keeps the last data on screen instead of flashing the spinner.
 */
export function Loaded<T>(props: {
  data: Resource<T>;
  onRetry?: () => void;
  /** Wraps the loading and error states, e.g. in a card's padded body. */
  frame?: (content: JSX.Element) => JSX.Element;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  const framed = (content: JSX.Element) => (props.frame ? props.frame(content) : content);
  return (
    <Switch fallback={framed(<Loading />)}>
      <Match when={props.data.error}>{framed(<LoadError error={props.data.error} onRetry={props.onRetry} />)}</Match>
      <Match when={(props.data.state === "ready" || props.data.state === "refreshing") && props.data.latest}>
        {(value) => props.children(value)}
      </Match>
    </Switch>
  );
}
