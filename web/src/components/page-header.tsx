import type { JSX } from "solid-js";

export function PageHeader(props: { title: string; subtitle?: string; actions?: JSX.Element }) {
  return (
    <div class="page-header">
      <div>
        <h1 class="page-header__title">{props.title}</h1>
        {props.subtitle ? <p class="page-header__subtitle">{props.subtitle}</p> : null}
      </div>
      {props.actions}
    </div>
  );
}
