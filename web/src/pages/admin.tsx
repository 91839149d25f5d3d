import { createResource, For, Show } from "solid-js";
import { Frontline } from "../api/client";
import type { DepartmentInfo, LedgerEntry } from "../api/types";
import { Loaded } from "../components/notice";
import { PageHeader } from "../components/page-header";
import { useI18n } from "../i18n";

/** /admin: the workspace's departments and its billing history, read-only for now. */
export function AdminPage() {
  const i18n = useI18n();
  return (
    <>
      <PageHeader title={i18n.t("admin.title")} subtitle={i18n.t("admin.subtitle")} />
      <Departments />
      <BillingHistory />
    </>
  );
}

function Departments() {
  const i18n = useI18n();
  const [data, { refetch }] = createResource(() => Frontline.departments());
  return (
    <section class="card card--flush" aria-labelledby="departments-title">
      <h2 class="card__title card__title--padded" id="departments-title">
        {i18n.t("admin.departments")}
      </h2>
      <Loaded data={data} onRetry={refetch} frame={(content) => <div class="card__body">{content}</div>}>
        {(result) => (
        <Show when={result().departments.length > 0} fallback={<p class="empty">{i18n.t("admin.departmentsEmpty")}</p>}>
          <div class="table-wrap">
            <table class="table" data-testid="departments-table">
              <thead>
                <tr>
                  <th scope="col">{i18n.t("admin.columns.name")}</th>
                  <th scope="col">{i18n.t("admin.columns.description")}</th>
                  <th scope="col" class="table__nowrap">
                    {i18n.t("admin.columns.created")}
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={result().departments}>{(department) => <DepartmentRow department={department} />}</For>
              </tbody>
            </table>
          </div>
        </Show>
        )}
      </Loaded>
    </section>
  );
}

function DepartmentRow(props: { department: DepartmentInfo }) {
  const i18n = useI18n();
  return (
    <tr>
      <td>
        <span class="strong">{props.department.name}</span>
        <Show when={props.department.isDefault}>
          {" "}
          <span class="badge badge--neutral">{i18n.t("admin.defaultDepartment")}</span>
        </Show>
      </td>
      <td class="muted">{props.department.description || "—"}</td>
      <td class="table__nowrap">{props.department.createdAt ? i18n.date(props.department.createdAt) : "—"}</td>
    </tr>
  );
}

function BillingHistory() {
  const i18n = useI18n();
  const [data, { refetch }] = createResource(() => Frontline.ledger());
  return (
    <section class="card card--flush" aria-labelledby="billing-title">
      <h2 class="card__title card__title--padded" id="billing-title">
        {i18n.t("admin.billingHistory")}
      </h2>
      <Loaded data={data} onRetry={refetch} frame={(content) => <div class="card__body">{content}</div>}>
        {(result) => (
        <Show when={result().entries.length > 0} fallback={<p class="empty">{i18n.t("admin.billingEmpty")}</p>}>
          <div class="table-wrap">
            <table class="table" data-testid="ledger-table">
              <thead>
                <tr>
                  <th scope="col" class="table__nowrap">
                    {i18n.t("admin.columns.date")}
                  </th>
                  <th scope="col">{i18n.t("admin.columns.entry")}</th>
                  <th scope="col">{i18n.t("admin.columns.kind")}</th>
                  <th scope="col" class="table__num">
                    {i18n.t("admin.columns.amount")}
                  </th>
                  <th scope="col" class="table__num">
                    {i18n.t("admin.columns.balanceAfter")}
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={result().entries}>{(entry) => <LedgerRow entry={entry} />}</For>
              </tbody>
            </table>
          </div>
        </Show>
        )}
      </Loaded>
    </section>
  );
}

function LedgerRow(props: { entry: LedgerEntry }) {
  const i18n = useI18n();
  return (
    <tr>
      <td class="table__nowrap">{i18n.dateTime(props.entry.createdAt)}</td>
      <td>{props.entry.description}</td>
      <td>
        <span class="badge badge--neutral">{i18n.t(`admin.ledgerKinds.${props.entry.kind}`)}</span>
      </td>
      <td class="table__num" classList={{ positive: props.entry.amountMinor > 0, negative: props.entry.amountMinor < 0 }}>
        {i18n.signedMoney(props.entry.amountMinor, props.entry.currency)}
      </td>
      <td class="table__num">{i18n.money(props.entry.balanceAfterMinor, props.entry.currency)}</td>
    </tr>
  );
}
