import { Show, type Accessor, type JSX, type Resource } from "solid-js";
import { Navigate, useLocation } from "@solidjs/router";
import { ApiError } from "../api/client";
import { LoadError, Loaded } from "../components/notice";

/** The operator's sign-in page, coming back to `pathname` afterwards. */
export function operatorLoginHref(pathname: string): string {
  return pathname.startsWith("/operator/") && !pathname.startsWith("/operator/login") ? `/operator/login?next=${encodeURIComponent(pathname)}` : "/operator/login";
}

export const signedOut = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * A failed load in the operator console: an ended operator session goes to the operator's sign-in (the tenant
 * app's LoadError would send it to the workspace sign-in); anything else is the usual notice with a retry.
 */
export function OperatorLoadError(props: { error: unknown; onRetry?: () => void }) {
  const location = useLocation();
  return (
    <Show when={!signedOut(props.error)} fallback={<Navigate href={operatorLoginHref(location.pathname)} />}>
      <LoadError error={props.error} onRetry={props.onRetry} />
    </Show>
  );
}

/** The tenant app's `Loaded`, with the operator's sign-in for an ended session. */
export function OperatorLoaded<T>(props: {
  data: Resource<T>;
  onRetry?: () => void;
  frame?: (content: JSX.Element) => JSX.Element;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  const framed = (content: JSX.Element) => (props.frame ? props.frame(content) : content);
  return (
    <Show when={!signedOut(props.data.error)} fallback={framed(<OperatorLoadError error={props.data.error} />)}>
      <Loaded data={props.data} onRetry={props.onRetry} frame={props.frame}>
        {props.children}
      </Loaded>
    </Show>
  );
}
