import { useI18n } from "../i18n";

/** The product mark and name. */
export function Brand() {
  const i18n = useI18n();
  return (
    <span class="brand">
      <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path class="brand__lines" d="M9 10.5h14M9 16h10M9 21.5h6" stroke-width="2.6" stroke-linecap="round" />
      </svg>
      <span class="brand__name">{i18n.t("app.name")}</span>
    </span>
  );
}
