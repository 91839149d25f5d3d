import { createSignal, For, Match, Show, Switch } from "solid-js";
import { A } from "@solidjs/router";
import { Frontline } from "../api/client";
import type { MessageInfo } from "../api/types";
import { errorMessage } from "../forms/errors";
import { initials } from "../components/initials";
import { useI18n } from "../i18n";
import { useDirectory } from "../session/directory";
import { MentionText } from "./mention-text";
import { systemLine } from "./thread-entry";

/**
 * The conversation, oldest first: the customer's messages, public replies, internal notes (on a yellow ground, so
 * that nobody mistakes them for what the customer sees) and system entries as compact lines.
 */
export function Thread(props: { ticketId: string; messages: MessageInfo[] }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const names = {
    staff: (id: string) => directory.staffById(id)?.name,
    department: (id: string) => directory.departmentById(id)?.name,
  };
  return (
    <ol class="thread" data-testid="thread">
      <For each={props.messages}>
        {(message) => (
          <Switch>
            <Match when={message.kind === "system"}>
              <li class="thread__system" data-testid="system-entry">
                <span class="thread__system-dot" aria-hidden="true" />
                <span>{systemLine(message, i18n, names)}</span>
                <Show when={message.outboxId && (message.system?.action === "undelivered" || message.system?.action === "suppressed") ? message.outboxId : undefined}>
                  {(outboxId) => <ResendLetter ticketId={props.ticketId} outboxId={outboxId()} />}
                </Show>
                <time class="thread__system-time" datetime={message.createdAt} title={i18n.dateTime(message.createdAt)}>
                  {i18n.relative(message.createdAt)}
                </time>
              </li>
            </Match>
            <Match when={true}>
              <li>
                <article class={`message message--${message.kind}`} data-testid={`message-${message.kind}`}>
                  <span class="avatar" classList={{ "avatar--customer": message.kind === "customer" }} aria-hidden="true">
                    {initials(message.author.name)}
                  </span>
                  <div class="message__content">
                    <header class="message__header">
                      <span class="message__author">{message.author.name}</span>
                      <Switch>
                        <Match when={message.kind === "note"}>
                          <span class="message__kind message__kind--note">
                            <svg viewBox="0 0 20 20" aria-hidden="true">
                              <path
                                fill="currentColor"
                                d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm2 6V6a2 2 0 1 0-4 0v2h4Z"
                              />
                            </svg>
                            {i18n.t("ticket.internalNote")}
                          </span>
                        </Match>
                        <Match when={message.kind === "reply"}>
                          <span class="message__kind">{i18n.t("ticket.publicReply")}</span>
                        </Match>
                        <Match when={message.kind === "customer"}>
                          <span class="message__kind message__kind--customer">{i18n.t("ticket.customerMessage")}</span>
                        </Match>
                      </Switch>
                      <Show when={message.viaEmail}>
                        <span class="message__channel">{i18n.t("ticket.mail.email")}</span>
                      </Show>
                      <Show when={message.fromTicket}>
                        {(from) => (
                          <A
                            href={`/tickets/${from().ticketId}`}
                            class="message__channel"
                            title={i18n.t("ticket.merge.fromTicketLabel", { number: from().number })}
                            data-testid="message-from-ticket"
                          >
                            {i18n.t("ticket.merge.fromTicket", { number: from().number })}
                          </A>
                        )}
                      </Show>
                      <Show when={message.enteredBy}>
                        {(staffId) => (
                          <span class="muted small">
                            {i18n.t("ticket.enteredBy", { name: directory.staffById(staffId())?.name ?? i18n.t("common.none") })}
                          </span>
                        )}
                      </Show>
                      <time class="message__time" datetime={message.createdAt} title={i18n.dateTime(message.createdAt)}>
                        {i18n.relative(message.createdAt)}
                      </time>
                    </header>
                    <MessageBody ticketId={message.fromTicket?.ticketId ?? props.ticketId} message={message} />
                  </div>
                </article>
              </li>
            </Match>
          </Switch>
        )}
      </For>
    </ol>
  );
}

/** Sends a letter the customer did not get again; says how that went. */
function ResendLetter(props: { ticketId: string; outboxId: string }) {
  const i18n = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [said, setSaid] = createSignal<{ text: string; error?: boolean }>();
  const resend = async () => {
    setBusy(true);
    setSaid(undefined);
    try {
      const { entry } = await Frontline.resendLetter(props.ticketId, props.outboxId);
      setSaid({ text: i18n.t("ticket.system.resent", { status: i18n.t(`outbox.statuses.${entry.status}`) }) });
    } catch (error) {
      setSaid({ text: errorMessage(error, i18n), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Show when={!said() || said()!.error}>
        <button type="button" class="button button--ghost button--small" onClick={() => void resend()} disabled={busy()} title={i18n.t("ticket.system.resendLabel")} data-testid="letter-resend">
          {busy() ? i18n.t("ticket.system.resending") : i18n.t("ticket.system.resend")}
        </button>
      </Show>
      <Show when={said()}>
        {(s) => (
          <span class="small" classList={{ negative: Boolean(s().error), strong: !s().error }} role="status" data-testid="letter-resend-result">
            {s().text}
          </span>
        )}
      </Show>
    </>
  );
}

/**
 * A message's text (with its quoted history on demand), its formatted HTML in a sandboxed frame when the mail had
 * some, and its attachments as downloads.
 */
function MessageBody(props: { ticketId: string; message: MessageInfo }) {
  const i18n = useI18n();
  const [quoted, setQuoted] = createSignal(false);
  const [formatted, setFormatted] = createSignal(false);
  const base = () => `/api/tickets/${encodeURIComponent(props.ticketId)}`;
  const files = () => (props.message.attachments ?? []).filter((file) => !file.inline);
  const dropped = () => props.message.droppedAttachments ?? [];
  // The frame is as tall as the mail (same origin, no scripts: its height can be read from here).
  const fit = (frame: HTMLIFrameElement) => {
    // The frame starts low (see .message__html), so the document's height is its content's, margins included.
    const height = frame.contentDocument?.documentElement.scrollHeight;
    if (height) frame.style.height = `${Math.min(height + 2, 900)}px`;
  };
  return (
    <>
      <Show
        when={formatted()}
        fallback={
          <div class="message__body">
            {quoted() && props.message.fullBody ? props.message.fullBody : props.message.kind === "note" ? <MentionText body={props.message.body} /> : props.message.body}
          </div>
        }
      >
        <iframe
          class="message__html"
          title={i18n.t("ticket.mail.formattedTitle", { name: props.message.author.name })}
          src={`${base()}/messages/${encodeURIComponent(props.message.messageId)}/html`}
          sandbox="allow-popups allow-popups-to-escape-sandbox allow-same-origin"
          referrerpolicy="no-referrer"
          onLoad={(event) => fit(event.currentTarget)}
        />
      </Show>
      <Show when={props.message.fullBody || props.message.hasHtml}>
        <div class="message__toggles">
          <Show when={props.message.fullBody && !formatted()}>
            <button type="button" class="link-button" onClick={() => setQuoted(!quoted())} aria-expanded={quoted()}>
              {quoted() ? i18n.t("ticket.mail.hideQuoted") : i18n.t("ticket.mail.showQuoted")}
            </button>
          </Show>
          <Show when={props.message.hasHtml}>
            <button type="button" class="link-button" onClick={() => setFormatted(!formatted())} aria-pressed={formatted()}>
              {formatted() ? i18n.t("ticket.mail.showPlain") : i18n.t("ticket.mail.showFormatted")}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={files().length > 0}>
        <ul class="attachments" aria-label={i18n.t("ticket.mail.attachments")}>
          <For each={files()}>
            {(file) => (
              <li>
                <a class="attachment" href={`${base()}/attachments/${encodeURIComponent(file.attachmentId)}`} download={file.filename}>
                  <svg viewBox="0 0 20 20" aria-hidden="true">
                    <path
                      fill="currentColor"
                      d="M13.5 3a3.5 3.5 0 0 0-2.47 1.03l-6 6a5 5 0 0 0 7.07 7.07l5-5a1 1 0 0 0-1.42-1.42l-5 5a3 3 0 0 1-4.24-4.24l6-6a1.5 1.5 0 0 1 2.12 2.12l-6 6a.5.5 0 0 1-.7-.7l5-5a1 1 0 1 0-1.42-1.42l-5 5a2.5 2.5 0 0 0 3.54 3.54l6-6A3.5 3.5 0 0 0 13.5 3Z"
                    />
                  </svg>
                  <span class="attachment__name">{file.filename}</span>
                  <span class="attachment__size">{i18n.fileSize(file.size)}</span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={dropped().length > 0}>
        <p class="muted small">{i18n.t("ticket.mail.dropped", { names: dropped().join(", ") })}</p>
      </Show>
    </>
  );
}
