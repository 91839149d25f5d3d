import { createResource, createSignal, Show } from "solid-js";
import { Frontline } from "../api/client";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";

/**
 * Follow / unfollow a ticket: a toggle button (pressed while following). A follower hears of the ticket's replies,
 * notes, status and assignment changes in the bell and, if they choose, by mail. The change shows at once and is
 * undone, with the reason, if the API refuses it.
 */
export function FollowButton(props: { ticketId: string }) {
  const i18n = useI18n();
  // A read that fails leaves the toggle usable, as not following: pressing it says whether following worked.
  const [following, { mutate }] = createResource(
    () => props.ticketId,
    async (ticketId) => (await Frontline.ticketFollowing(ticketId).catch(() => ({ following: false }))).following,
  );
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const toggle = async () => {
    if (busy() || following.latest === undefined) return;
    const before = following() ?? false;
    setBusy(true);
    setError(undefined);
    mutate(!before);
    try {
      const answer = before ? await Frontline.unfollowTicket(props.ticketId) : await Frontline.followTicket(props.ticketId);
      mutate(answer.following);
    } catch (caught) {
      mutate(before);
      setError(errorMessage(caught, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span class="follow">
      <button
        type="button"
        class="button button--secondary follow__button"
        classList={{ "follow__button--on": following.latest === true }}
        aria-pressed={following.latest === true}
        aria-describedby="follow-hint"
        disabled={following.latest === undefined}
        onClick={() => void toggle()}
        data-testid="follow"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" class="follow__icon">
          <Show
            when={following.latest}
            fallback={<path fill="currentColor" d="M10 4c-4 0-7 4.2-7 6s3 6 7 6 7-4.2 7-6-3-6-7-6Zm0 10a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm0-6a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z" />}
          >
            <path fill="currentColor" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
          </Show>
        </svg>
        {i18n.t("follow.label")}
      </button>
      <span id="follow-hint" class="sr-only">
        {i18n.t("follow.hint")}
      </span>
      <Show when={error()}>
        <span class="small negative follow__error" role="alert" data-testid="follow-error">
          {error()}
        </span>
      </Show>
    </span>
  );
}
