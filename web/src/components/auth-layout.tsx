import type { JSX } from "solid-js";
import { Brand } from "./brand";
import { LocaleSwitcher } from "./locale-switcher";

/** The frame of the signed-out pages: the brand, the language menu and one card. */
export function AuthLayout(props: { title: string; subtitle: string; children: JSX.Element; footer: JSX.Element }) {
  return (
    <div class="auth">
      <header class="auth__header">
        <Brand />
        <LocaleSwitcher />
      </header>
      <main class="auth__main" id="main">
        <section class="auth__card" aria-labelledby="auth-title">
          <h1 class="auth__title" id="auth-title">
            {props.title}
          </h1>
          <p class="auth__subtitle">{props.subtitle}</p>
          {props.children}
        </section>
        <p class="auth__footer">{props.footer}</p>
      </main>
    </div>
  );
}
