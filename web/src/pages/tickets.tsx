import { createResource, Match, Switch } from "solid-js";
import { ApiError, Frontline } from "../api/client";
import { LoadError, Loading, Notice } from "../components/notice";
import { PageHeader } from "../components/page-header";
import { useI18n } from "../i18n";

/** /tickets: the queue. The API does not serve tickets yet (501); its own explanation is shown, nothing invented. */
export function TicketsPage() {
  const i18n = useI18n();
  const [tickets, { refetch }] = createResource(() => Frontline.tickets());
  const notImplemented = () => tickets.error instanceof ApiError && tickets.error.status === 501;

  return (
    <>
      <PageHeader title={i18n.t("tickets.title")} subtitle={i18n.t("tickets.subtitle")} />
      <Switch fallback={<Loading />}>
        <Match when={notImplemented()}>
          <Notice kind="info" title={i18n.t("tickets.unavailable")} testId="tickets-notice">
            <p>{(tickets.error as ApiError).message}</p>
          </Notice>
        </Match>
        <Match when={tickets.error}>
          <LoadError error={tickets.error} onRetry={refetch} />
        </Match>
        <Match when={tickets.state === "ready"}>
          <div class="empty">{i18n.t("tickets.empty")}</div>
        </Match>
      </Switch>
    </>
  );
}
