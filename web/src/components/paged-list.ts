import { createStore, produce } from "solid-js/store";
import { errorMessage } from "../forms/errors";
import type { I18n } from "../i18n";

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/**
 * A list read a page at a time (received mail, the outbox): the first page on `reload`, the next on `more`, and an
 * answer that arrives after a newer reload started is dropped.
 */
export function createPagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, i18n: I18n) {
  const [state, setState] = createStore({
    items: [] as T[],
    cursor: null as string | null,
    loading: true,
    loadingMore: false,
    error: undefined as unknown,
    moreError: undefined as string | undefined,
  });
  let generation = 0;

  const reload = async () => {
    const mine = ++generation;
    setState({ loading: true, error: undefined, moreError: undefined });
    try {
      const page = await fetchPage(undefined);
      if (mine === generation) setState({ items: page.items, cursor: page.cursor, loading: false });
    } catch (error) {
      if (mine === generation) setState({ items: [], cursor: null, loading: false, error });
    }
  };

  const more = async () => {
    const cursor = state.cursor;
    if (!cursor || state.loadingMore) return;
    const mine = generation;
    setState({ loadingMore: true, moreError: undefined });
    try {
      const page = await fetchPage(cursor);
      if (mine === generation) setState({ items: [...state.items, ...page.items], cursor: page.cursor });
    } catch (error) {
      if (mine === generation) setState("moreError", errorMessage(error, i18n));
    } finally {
      if (mine === generation) setState("loadingMore", false);
    }
  };

  /** Puts `item` in the place of the one `same` finds (after an action on it). */
  const replace = (same: (item: T) => boolean, item: T) =>
    setState(
      "items",
      produce((items) => {
        const index = items.findIndex(same);
        if (index >= 0) items[index] = item;
      }),
    );

  return { state, reload, more, replace };
}
