/**
 * "Skip to content": moves the focus to the page's <main id="main">, past the top bar. The router takes every link to
 * this site, a "#main" too, and only scrolls to it; the focus would stay on the link, and the next Tab would go
 * through the top bar after all. So the link focuses its target itself (and the router, seeing the click handled,
 * leaves it alone).
 */
export function SkipLink(props: { label: string }) {
  return (
    <a
      class="skip-link"
      href="#main"
      onClick={(event) => {
        const main = document.getElementById("main");
        if (!main) return;
        event.preventDefault();
        main.focus();
      }}
    >
      {props.label}
    </a>
  );
}
