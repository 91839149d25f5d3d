import type { JSX } from "solid-js";
import { vi } from "vitest";

/**
 * A stand-in for @solidjs/router in component tests: pages are tested, not navigation (the real router's Node build
 * cannot load under the root vitest config). Tests set `router.params`, `router.search` and `router.pathname` and read
 * `router.navigate`.
 * Use with: vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule)
 */
export const router = {
  navigate: vi.fn(),
  params: {} as Record<string, string>,
  search: {} as Record<string, string>,
  pathname: "/",
  reset() {
    router.navigate.mockReset();
    router.params = {};
    router.search = {};
    router.pathname = "/";
  },
};

export const routerModule = {
  A: (props: { href: string; class?: string; children?: JSX.Element; onClick?: (event: MouseEvent) => void; [key: string]: unknown }) => (
    <a
      href={props.href}
      class={props.class}
      data-testid={props["data-testid"] as string | undefined}
      onClick={(event) => {
        // Navigation is the router's business; a test sees the click and the handler, not a page load.
        event.preventDefault();
        props.onClick?.(event);
      }}
    >
      {props.children}
    </a>
  ),
  Navigate: () => null,
  useNavigate: () => router.navigate,
  useParams: () => router.params,
  useSearchParams: () => [router.search, () => undefined],
  useLocation: () => ({ pathname: router.pathname, search: "" }),
  // Never between pages: a component test renders one.
  useIsRouting: () => () => false,
};
