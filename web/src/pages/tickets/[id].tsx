import { createEffect, createResource, createSignal, Match, on, onCleanup, Show, Switch } from "solid-js";
import { A, useNavigate, useParams } from "@solidjs/router";
import { ApiError, Frontline, staleTicket } from "../../api/client";
import type { TicketDetail } from "../../api/types";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { LoadError, Loading, Notice } from "../../components/notice";
import { ShortcutsButton } from "../../components/shortcuts-help";
import { errorMessage } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { useShortcuts } from "../../keyboard/shortcuts";
import { useDirectory } from "../../session/directory";
import { useMe } from "../../session/me";
import { useNotifications } from "../../session/notifications";
import { nextChange } from "../../sla/countdown";
import { SlaCountdown } from "../../sla/sla-countdown";
import { SlaPanel } from "../../sla/sla-panel";
import { PriorityBadge, StatusBadge } from "../../tickets/badges";
import { Composer, type ComposerControl } from "../../tickets/composer";
import type { ComposerMode } from "../../tickets/drafts";
import { FollowButton } from "../../tickets/follow-button";
import { HistoryPanel } from "../../tickets/history-panel";
import type { SendStatus } from "../../tickets/lifecycle";
import { applyChange } from "../../tickets/optimistic";
import { TicketProperties, type TicketChange } from "../../tickets/properties";
import { LinksPanel } from "../../tickets/links-panel";
import { MergeDialog } from "../../tickets/merge-dialog";
import { MergeNotices } from "../../tickets/merge-notices";
import { lastQueueHref } from "../../tickets/queue-query";
import { RequesterPanel } from "../../tickets/requester-panel";
import { Thread } from "../../tickets/thread";

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/** How long after a warning or breach falls due the page reads the ticket again (the timer fires within a second). */
export const SLA_RECHECK_MS = 1500;
/** How long the page keeps looking for a warning or breach that is due but not recorded yet. */
const SLA_RECHECK_FOR_MS = 60_000;

/**
 * /tickets/:id: the conversation, the composer, the ticket's properties, its SLA, its requester and its history.
 */
export function TicketPage() {
  const params = useParams();
  const [initial, { refetch }] = createResource(
    () => params.id,
    (id) => Frontline.ticket(id),
  );
  return (
    <Switch fallback={<Loading />}>
      <Match when={isNotFound(initial.error)}>
        <TicketNotFound />
      </Match>
      <Match when={initial.error}>
        <LoadError error={initial.error} onRetry={refetch} />
      </Match>
      <Match when={initial.latest}>
        {/* A new ticket (another id) starts afresh: its own state, its own draft. */}
        <Show when={initial.latest} keyed>
          {(detail) => <TicketWorkspace initial={detail} />}
        </Show>
      </Match>
    </Switch>
  );
}

function TicketNotFound() {
  const i18n = useI18n();
  return (
    <div class="empty empty--page" data-testid="ticket-not-found">
      <h1 class="page-header__title">{i18n.t("ticket.notFoundTitle")}</h1>
      <p class="muted">{i18n.t("ticket.notFoundText")}</p>
      <A href={lastQueueHref()} class="button button--secondary">
        {i18n.t("ticket.backToQueue")}
      </A>
    </div>
  );
}

function TicketWorkspace(props: { initial: TicketDetail }) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const { me } = useMe();
  const directory = useDirectory();
  const ticketId = props.initial.ticket.ticketId;
  const [detail, setDetail] = createSignal<TicketDetail>(props.initial);
  const [busy, setBusy] = createSignal(false);
  const [conflict, setConflict] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [confirming, setConfirming] = createSignal<"delete" | "purge">();
  const [merging, setMerging] = createSignal(false);
  let composer: ComposerControl | undefined;
  let statusSelect: HTMLSelectElement | undefined;

  const notifications = useNotifications();
  const ticket = () => detail().ticket;
  const can = () => detail().permissions;
  const mine = () => ticket().assigneeId === me().staff.staffId;
  const writable = () => can().work && ticket().status !== "closed";
  const backToQueue = () => navigate(lastQueueHref());

  /** The thread, the permissions and the ticket as they are now; an answer older than what is shown is ignored. */
  const reload = async () => {
    try {
      const fresh = await Frontline.ticket(ticketId);
      if (fresh.ticket.version >= ticket().version) setDetail(fresh);
    } catch (error) {
      // Moved where this person does not see it (or purged meanwhile): back to the queue.
      if (isNotFound(error)) backToQueue();
    }
  };

  /** A refused change: a stale version shows the current ticket and who changed it; anything else rolls back. */
  const refused = (error: unknown, before: TicketDetail) => {
    const current = staleTicket(error);
    if (current) {
      setDetail({ ...before, ticket: current });
      setConflict(current.updatedBy.name);
      void reload();
      return;
    }
    setDetail(before);
    if (isNotFound(error)) return backToQueue();
    setFailure(errorMessage(error, i18n));
  };

  const succeeded = () => {
    setConflict(undefined);
    setFailure(undefined);
    directory.refetchCounts();
  };

  // Changes and messages go one after another, each on the version the previous one left: a quick "a" then
  // Ctrl+Enter sends the reply after the assignment, not against the version before it.
  let chain: Promise<unknown> = Promise.resolve();
  const inTurn = <T,>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  };

  const change = (patch: TicketChange): Promise<boolean> =>
    inTurn(async () => {
      const before = detail();
      setBusy(true);
      setFailure(undefined);
      setDetail({ ...before, ticket: applyChange(before.ticket, patch) });
      try {
        const { ticket: saved } = await Frontline.updateTicket(ticketId, { ...patch, version: before.ticket.version });
        setDetail({ ...detail(), ticket: saved });
        succeeded();
        void reload();
        return true;
      } catch (error) {
        refused(error, before);
        return false;
      } finally {
        setBusy(false);
      }
    });

  const send = (mode: ComposerMode, body: string, status?: SendStatus): Promise<boolean> =>
    inTurn(async () => {
      const before = detail();
      setBusy(true);
      setFailure(undefined);
      try {
        const version = before.ticket.version;
        // The message and the status go in one request: both are saved, or neither.
        const result =
          mode === "reply" ? await Frontline.reply(ticketId, { body, status, version }) : await Frontline.note(ticketId, { body, status, version });
        setDetail(result);
        succeeded();
        return true;
      } catch (error) {
        refused(error, before);
        return false;
      } finally {
        setBusy(false);
      }
    });

  const take = () => void change({ assigneeId: me().staff.staffId });

  // A warning or a breach happens on its own (an SLA timer): read the ticket again just after it falls due, and again
  // every few seconds until it shows, so that the panel, the priority and the thread follow without a reload.
  const [slaChecks, setSlaChecks] = createSignal(0);
  const recheckSla = async () => {
    try {
      const fresh = await Frontline.ticket(ticketId);
      // Only a newer ticket replaces what is on screen: an unchanged one leaves the thread as it is.
      if (fresh.ticket.version > ticket().version) setDetail(fresh);
    } catch (error) {
      if (isNotFound(error)) return backToQueue();
    }
    setSlaChecks((n) => n + 1);
  };
  createEffect(
    on([() => ticket().sla, slaChecks], ([sla]) => {
      const due = nextChange(sla);
      if (due === undefined) return;
      const now = Date.now();
      if (now - due > SLA_RECHECK_FOR_MS) return;
      const timer = setTimeout(() => void recheckSla(), Math.max(due + SLA_RECHECK_MS - now, SLA_RECHECK_MS));
      onCleanup(() => clearTimeout(timer));
    }),
  );
  // A new warning or breach may have notified the person looking at it: the bell need not wait for its next poll.
  createEffect(
    on(
      () => detail().slaEvents.length,
      (count, previous) => {
        if (previous !== undefined && count > previous) void notifications?.refresh();
      },
    ),
  );

  const trash = () =>
    inTurn(async () => {
      const before = detail();
      setBusy(true);
      try {
        await Frontline.trashTicket(ticketId, before.ticket.version);
        directory.refetchCounts();
        backToQueue();
      } catch (error) {
        setConfirming(undefined);
        refused(error, before);
      } finally {
        setBusy(false);
      }
    });

  const restore = () =>
    inTurn(async () => {
      setBusy(true);
      try {
        await Frontline.restoreTicket(ticketId);
        succeeded();
        await reload();
      } catch (error) {
        refused(error, detail());
      } finally {
        setBusy(false);
      }
    });

  const purge = () =>
    inTurn(async () => {
      setBusy(true);
      try {
        await Frontline.purgeTicket(ticketId);
        directory.refetchCounts();
        navigate("/tickets?view=trash");
      } catch (error) {
        setConfirming(undefined);
        refused(error, detail());
      } finally {
        setBusy(false);
      }
    });

  useShortcuts(() => [
    { keys: "r", run: () => composer?.focus("reply"), when: writable },
    { keys: "n", run: () => composer?.focus("note"), when: writable },
    { keys: "mod+enter", run: () => composer?.send(), whileTyping: true, when: writable },
    { keys: "a", run: take, when: () => can().take && !mine() && writable() && !busy() },
    { keys: "s", run: () => statusSelect?.focus(), when: writable },
    { keys: "escape", run: backToQueue },
  ]);

  const department = () => directory.departmentById(ticket().departmentId)?.name;

  return (
    <div class="ticket" data-testid="ticket-page" data-ticket-id={ticketId}>
      <div class="ticket-header">
        <div class="ticket-header__main">
          <A href={lastQueueHref()} class="back-link">
            <svg viewBox="0 0 20 20" aria-hidden="true">
              <path fill="currentColor" d="M12.7 5.3a1 1 0 0 1 0 1.4L9.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4l-4-4a1 1 0 0 1 0-1.4l4-4a1 1 0 0 1 1.4 0Z" />
            </svg>
            {i18n.t("ticket.back")}
          </A>
          <h1 class="ticket-header__title">
            <span class="ticket-header__number" data-testid="ticket-number">
              {i18n.t("ticket.number", { number: ticket().number })}
            </span>{" "}
            <span data-testid="ticket-subject">{ticket().subject}</span>
          </h1>
          <div class="ticket-header__meta">
            <StatusBadge status={ticket().status} testId="ticket-status-badge" />
            <PriorityBadge priority={ticket().priority} testId="ticket-priority-badge" />
            <SlaCountdown sla={ticket().sla} withTarget empty={false} announce testId="ticket-sla" />
            <span>{i18n.t(`vocab.type.${ticket().type}`)}</span>
            <Show when={department()}>
              <span class="dot-separated">{department()}</span>
            </Show>
            <span class="dot-separated" title={i18n.dateTime(ticket().createdAt)}>
              {i18n.t("ticket.created", { when: i18n.relative(ticket().createdAt) })}
            </span>
            <Show when={ticket().followUpOf}>
              {(earlier) => (
                <A href={`/tickets/${earlier()}`} class="dot-separated">
                  {i18n.t("ticket.followUpOf")}
                </A>
              )}
            </Show>
            <Show when={ticket().linkedTo}>
              {(other) => (
                <A href={`/tickets/${other()}`} class="dot-separated">
                  {i18n.t("ticket.linkedTo")}
                </A>
              )}
            </Show>
            <span class="dot-separated" data-testid="ticket-origin">
              <Show when={ticket().origin} fallback={i18n.t(`vocab.channel.${ticket().channel}`)}>
                {(origin) => i18n.t(`vocab.received.${origin()}`)}
              </Show>
            </span>
          </div>
        </div>
        <div class="ticket-header__actions">
          <ShortcutsButton />
          <FollowButton ticketId={ticket().ticketId} />
          <Show when={can().take && !mine() && writable()}>
            <button type="button" class="button button--secondary" onClick={take} disabled={busy()} data-testid="take">
              {i18n.t("ticket.take")}
            </button>
          </Show>
          <Show when={writable() && !ticket().deletedAt}>
            <button type="button" class="button button--secondary" onClick={() => setMerging(true)} disabled={busy()} data-testid="merge">
              {i18n.t("ticket.merge.action")}
            </button>
          </Show>
          <Show when={can().restore}>
            <button type="button" class="button button--secondary" onClick={() => void restore()} disabled={busy()} data-testid="restore">
              {i18n.t("ticket.restore")}
            </button>
          </Show>
          <Show when={can().purge}>
            <button type="button" class="button button--danger" onClick={() => setConfirming("purge")} disabled={busy()} data-testid="purge">
              {i18n.t("ticket.purge")}
            </button>
          </Show>
          <Show when={can().delete}>
            <button type="button" class="button button--ghost button--danger-text" onClick={() => setConfirming("delete")} disabled={busy()} data-testid="delete">
              {i18n.t("ticket.delete")}
            </button>
          </Show>
        </div>
      </div>

      <Show when={conflict()}>
        {(name) => (
          <div class="banner banner--warning" role="alert" data-testid="conflict-banner">
            <div>
              <p class="banner__title">{i18n.t("ticket.conflict", { name: name() })}</p>
              <p>{i18n.t("ticket.conflictHint")}</p>
            </div>
            <button type="button" class="button button--ghost button--small" onClick={() => setConflict(undefined)}>
              {i18n.t("common.dismiss")}
            </button>
          </div>
        )}
      </Show>
      <Show when={failure()}>
        <Notice kind="error" testId="ticket-error">
          {failure()}
        </Notice>
      </Show>
      <Show when={ticket().deletedAt}>
        {(at) => <Notice kind="info">{i18n.t("ticket.inTrash", { when: i18n.dateTime(at()) })}</Notice>}
      </Show>
      <Show when={ticket().status === "closed" && !ticket().mergedInto}>
        <Notice kind="info">{i18n.t("ticket.closed")}</Notice>
      </Show>
      <MergeNotices detail={detail()} onChanged={() => void reload()} />
      <Show when={ticket().deliveryFailedAt}>
        <Notice kind="error" testId="delivery-failed">
          {ticket().deliveryFailure ? i18n.t("ticket.deliveryFailed", { reason: ticket().deliveryFailure! }) : i18n.t("ticket.deliveryFailedPlain")}
        </Notice>
      </Show>
      <Show when={ticket().automated}>
        <Notice kind="info">{i18n.t("ticket.automated")}</Notice>
      </Show>

      <div class="ticket-layout">
        <div class="ticket-layout__main">
          <section class="card conversation" aria-labelledby="conversation-title">
            <h2 class="card__title" id="conversation-title">
              {i18n.t("ticket.conversation")}
            </h2>
            <Thread ticketId={ticketId} messages={detail().messages} />
          </section>
          <Show when={writable()}>
            <Composer
              ticketId={ticketId}
              requesterName={ticket().requester.name}
              busy={busy()}
              onSend={send}
              control={(control) => (composer = control)}
            />
          </Show>
        </div>
        <aside class="ticket-layout__side">
          <TicketProperties detail={detail()} onChange={change} statusRef={(element) => (statusSelect = element)} />
          <Show when={ticket().sla || detail().slaEvents.length > 0}>
            <SlaPanel sla={ticket().sla} events={detail().slaEvents} />
          </Show>
          <RequesterPanel ticket={ticket()} />
          <LinksPanel detail={detail()} onChanged={() => void reload()} />
          <HistoryPanel ticketId={ticketId} version={ticket().version} requester={ticket().requester} />
        </aside>
      </div>

      <Show when={merging()}>
        <MergeDialog
          ticket={ticket()}
          onClose={() => setMerging(false)}
          onMerged={(merged) => {
            setMerging(false);
            setDetail({ ...detail(), ticket: merged });
            succeeded();
            void reload();
          }}
        />
      </Show>
      <Show when={confirming()}>
        {(what) => (
          <ConfirmDialog
            title={
              what() === "delete"
                ? i18n.t("ticket.deleteTitle", { number: ticket().number })
                : i18n.t("ticket.purgeTitle", { number: ticket().number })
            }
            description={what() === "delete" ? i18n.t("ticket.deleteText") : i18n.t("ticket.purgeText")}
            confirm={what() === "delete" ? i18n.t("ticket.deleteConfirm") : i18n.t("ticket.purge")}
            danger
            busy={busy()}
            onConfirm={() => void (what() === "delete" ? trash() : purge())}
            onClose={() => setConfirming(undefined)}
          />
        )}
      </Show>
    </div>
  );
}
