import { createMemo, createSignal, For, onMount, Show } from "solid-js";
import { A } from "@solidjs/router";
import { createPagedList } from "../../components/paged-list";
import { PageHeader } from "../../components/page-header";
import { SelectField } from "../../components/select-field";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { useI18n } from "../../i18n";
import { OperatorApi, type WorkspaceRow } from "../client";
import { OperatorPagedBody, TableHead } from "../paged";
import { daysLeftText, StandingBadge, standingOf, Standings, type Standing } from "../standing";

/** Whether a workspace matches what was typed (in its name or its address) and the standing chosen. */
export function matches(row: WorkspaceRow, query: string, standing: Standing | ""): boolean {
  const q = query.trim().toLowerCase();
  if (standing && standingOf(row) !== standing) return false;
  return !q || row.name.toLowerCase().includes(q) || row.tenantId.includes(q);
}

/** /operator: every workspace with its plan, balance, days left and standing, a page at a time, with a filter. */
export function OperatorWorkspacesPage() {
  const i18n = useI18n();
  const list = createPagedList<WorkspaceRow>(async (cursor) => {
    const page = await OperatorApi.workspaces(cursor);
    return { items: page.workspaces, cursor: page.cursor };
  }, i18n);
  const [query, setQuery] = createSignal("");
  const [standing, setStanding] = createSignal<Standing | "">("");
  const shown = createMemo(() => list.state.items.filter((row) => matches(row, query(), standing())));
  const filtering = () => Boolean(query().trim() || standing());
  onMount(() => void list.reload());

  return (
    <>
      <PageHeader title={i18n.t("operator.workspaces.title")} subtitle={i18n.t("operator.workspaces.subtitle")} />
      <section class="card card--flush" aria-label={i18n.t("operator.workspaces.title")} data-testid="operator-workspaces" aria-busy={list.state.loading}>
        <div class="filters operator-filters" role="search">
          <TextField
            id="operator-search"
            label={i18n.t("operator.workspaces.search")}
            value={query()}
            onValue={setQuery}
            placeholder={i18n.t("operator.workspaces.searchPlaceholder")}
            spellcheck={false}
          />
          <SelectField
            id="operator-standing"
            label={i18n.t("operator.workspaces.status")}
            value={standing()}
            onValue={(value) => setStanding(value as Standing | "")}
            options={[
              { value: "", label: i18n.t("operator.workspaces.allStatuses") },
              ...Standings.map((s) => ({ value: s, label: i18n.t(`operator.status.${s}`) })),
            ]}
          />
          <Show when={filtering() && list.state.items.length > 0}>
            <p class="small muted operator-filters__count" role="status" data-testid="workspaces-shown">
              {i18n.t("operator.workspaces.shown", { shown: shown().length, loaded: list.state.items.length })}
            </p>
          </Show>
        </div>
        <OperatorPagedBody list={list} empty={i18n.t("operator.workspaces.empty")} emptyTestId="workspaces-empty">
          <Show
            when={shown().length > 0}
            fallback={
              <p class="empty empty--center" data-testid="workspaces-empty">
                {i18n.t("operator.workspaces.emptyFiltered")}
              </p>
            }
          >
            <TableScroll label={i18n.t("operator.workspaces.title")}>
              <table class="table" data-testid="workspaces-table">
                <TableHead
                  columns={[
                    { label: i18n.t("operator.workspaces.columns.workspace") },
                    { label: i18n.t("operator.workspaces.columns.plan") },
                    { label: i18n.t("operator.workspaces.columns.balance"), kind: "num" },
                    { label: i18n.t("operator.workspaces.columns.daysLeft"), kind: "num" },
                    { label: i18n.t("operator.workspaces.columns.status") },
                    { label: i18n.t("operator.workspaces.columns.requests") },
                    { label: i18n.t("operator.workspaces.columns.created"), kind: "nowrap" },
                  ]}
                />
                <tbody>
                  <For each={shown()}>{(row) => <WorkspaceListRow row={row} />}</For>
                </tbody>
              </table>
            </TableScroll>
          </Show>
        </OperatorPagedBody>
      </section>
    </>
  );
}

function WorkspaceListRow(props: { row: WorkspaceRow }) {
  const i18n = useI18n();
  return (
    <tr data-testid="workspace-row" data-workspace={props.row.tenantId}>
      <td>
        <A href={`/operator/workspaces/${props.row.tenantId}`} class="strong" data-testid="workspace-link">
          {props.row.name}
        </A>
        <span class="cell-line small muted mono" data-testid="workspace-slug">
          {props.row.tenantId}
        </span>
      </td>
      <td data-testid="workspace-plan">{props.row.planName}</td>
      <td class="table__num" classList={{ negative: props.row.balanceMinor < 0 }} data-testid="workspace-balance">
        {i18n.money(props.row.balanceMinor, props.row.currency)}
      </td>
      <td class="table__num" data-testid="workspace-days-left">
        {daysLeftText(i18n, props.row.daysLeft)}
      </td>
      <td>
        <StandingBadge row={props.row} />
      </td>
      <td>
        <Show when={props.row.openTopUpRequests > 0} fallback={<span class="muted">{i18n.t("common.none")}</span>}>
          <span class="badge badge--trial">{i18n.t("operator.workspaces.openRequests", { count: props.row.openTopUpRequests })}</span>
        </Show>
      </td>
      <td class="table__nowrap">{i18n.shortDate(props.row.createdAt)}</td>
    </tr>
  );
}
