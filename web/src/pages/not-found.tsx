import { A } from "@solidjs/router";
import { useI18n } from "../i18n";

export function NotFoundPage() {
  const i18n = useI18n();
  return (
    <div class="empty empty--page">
      <h1 class="page-header__title">{i18n.t("notFound.title")}</h1>
      <p class="muted">{i18n.t("notFound.text")}</p>
      <A href="/workspace" class="button button--secondary">
        {i18n.t("notFound.back")}
      </A>
    </div>
  );
}
