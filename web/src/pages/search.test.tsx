import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DepartmentInfo, SearchResults, TicketInfo, TicketSearchResult } from "../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../test/console-harness";
import { router } from "../../test/router-stub";
import { SearchPage } from "./search";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const oksana = staff({ staffId: "s-oksana", name: "Oksana Agent", role: "agent", departmentIds: ["d-pay"] });
const departments = [{ departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" }] as DepartmentInfo[];

// Cast: fixtures name only what the page reads.
const ticket = (n: number, overrides: Partial<TicketInfo> = {}): TicketInfo =>
  ({
    ticketId: `t${n}`,
    number: 1000 + n,
    subject: `Subject ${n}`,
    status: "open",
    priority: "normal",
    departmentId: "d-pay",
    requester: { customerId: "c1", name: "Kim Customer" },
    updatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    tags: [],
    ...overrides,
  }) as TicketInfo;

const found = (n: number, overrides: Partial<TicketSearchResult> = {}): TicketSearchResult => ({
  ticket: ticket(n),
  subject: [{ text: `Subject ${n}` }],
  ...overrides,
});

const page = (overrides: Partial<SearchResults> = {}): SearchResults => ({ tickets: [], total: 0, cursor: null, customers: [], organizations: [], ...overrides });

function routes(search: (url: URL) => Response | SearchResults, more: Record<string, (url: URL) => unknown> = {}) {
  return {
    "GET /api/staff": () => ({ staff: [oksana] }),
    "GET /api/departments": () => ({ departments }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/search": ({ url }: { url: URL }) => search(url),
    ...Object.fromEntries(Object.entries(more).map(([route, handler]) => [route, ({ url }: { url: URL }) => handler(url)])),
  };
}

const searches = (api: ReturnType<typeof stubApi>) => api.calls.filter((c) => c.path.startsWith("/api/search")).map((c) => c.path);
const loaded = (href: string) => waitFor(() => expect(screen.getByTestId("search-results").dataset.loaded).toBe(href));

describe("the search page", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("searches for the address's words and filters, and shows each ticket with the words it found marked", async () => {
    router.search = { q: "платіж", status: "open,pending", sort: "updated" };
    const api = stubApi(
      routes(() =>
        page({
          total: 2,
          tickets: [
            found(1, {
              subject: [{ text: "Не пройшов " }, { text: "платіж", match: true }, { text: " <img src=x onerror=alert(1)>" }],
              message: {
                messageId: "m1",
                authorName: "Kim Customer",
                createdAt: "2026-03-02T09:30:00.000Z",
                segments: [{ text: "…усі мої " }, { text: "платежі", match: true }, { text: " відхилено" }],
              },
            }),
            found(2, { ticket: ticket(2, { status: "pending", priority: "urgent", departmentId: "d-gone" }) }),
          ],
        }),
      ),
    );
    renderConsole(() => <SearchPage />, oksana);
    await loaded("/search?q=%D0%BF%D0%BB%D0%B0%D1%82%D1%96%D0%B6&status=open,pending&sort=updated");

    expect(searches(api)).toEqual(["/api/search?q=%D0%BF%D0%BB%D0%B0%D1%82%D1%96%D0%B6&status=open%2Cpending&sort=updated&limit=20"]);
    expect((screen.getByLabelText("Search for") as HTMLInputElement).value).toBe("платіж");
    expect(screen.getByTestId("search-count").textContent).toBe("2 results");

    const [first, second] = screen.getAllByTestId("search-result");
    const link = within(first!).getByTestId("search-result-link");
    expect(link.getAttribute("href")).toBe("/tickets/t1");
    expect([...link.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["платіж"]);
    // The subject is text: markup in it is shown, never made.
    expect(link.textContent).toBe("Не пройшов платіж <img src=x onerror=alert(1)>");
    expect(link.querySelector("img")).toBeNull();
    expect(first!.textContent).toContain("#1001");
    expect(first!.textContent).toContain("Kim Customer");
    await waitFor(() => expect(first!.textContent).toContain("Payments"));
    expect(first!.textContent).toContain("Updated 5 minutes ago");
    const snippet = within(first!).getByTestId("search-snippet");
    expect([...snippet.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["платежі"]);
    expect(snippet.textContent).toContain("…усі мої платежі відхилено");
    expect(snippet.querySelector("figcaption")!.textContent).toMatch(/^Kim Customer · Mar 2, 2026/);

    expect(within(second!).getByText("Pending").dataset.status).toBe("pending");
    expect(within(second!).getByText("Urgent")).toBeTruthy();
    expect(within(second!).queryByTestId("search-snippet")).toBeNull();
  });

  it("puts the ticket whose number was searched for first, marked as found by its number", async () => {
    router.search = { q: "#1007" };
    const api = stubApi(routes(() => page({ total: 2, tickets: [found(7, { exact: true }), found(8, { subject: [{ text: "Order " }, { text: "1007", match: true }] })] })));
    renderConsole(() => <SearchPage />, oksana, "kk");
    await loaded("/search?q=%231007");
    expect(searches(api)).toEqual(["/api/search?q=%231007&limit=20"]);
    const [first, second] = screen.getAllByTestId("search-result");
    expect(within(first!).getByTestId("search-exact").textContent).toBe("Нөмірі бойынша табылды");
    expect(first!.textContent).toContain("#1007");
    expect(within(second!).queryByTestId("search-exact")).toBeNull();
    expect(screen.getByTestId("search-count").textContent).toBe("2 нәтиже");
  });

  it("says how many results in the reader's language, and 1000+ when the API stops counting", async () => {
    let total = 3;
    router.search = { q: "оплата" };
    stubApi(routes(() => page({ total, tickets: [found(1)] })));
    renderConsole(() => <SearchPage />, oksana, "uk");
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toBe("3 результати"));
    cleanup();
    total = 5;
    renderConsole(() => <SearchPage />, oksana, "uk");
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toBe("5 результатів"));
    cleanup();
    total = 21;
    renderConsole(() => <SearchPage />, oksana, "ru");
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toBe("21 результат"));
    cleanup();
    total = 1;
    renderConsole(() => <SearchPage />, oksana);
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toBe("1 result"));
    cleanup();
    total = 1000;
    renderConsole(() => <SearchPage />, oksana);
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toBe("1,000+ results"));
  });

  it("puts every filter and the sort in the address, so that Back and a reload keep them", async () => {
    router.search = { q: "refund" };
    stubApi(routes(() => page({ total: 1, tickets: [found(1)] })));
    renderConsole(() => <SearchPage />, oksana);
    await loaded("/search?q=refund");

    fireEvent.click(within(screen.getByTestId("search-status")).getByLabelText("Pending"));
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=refund&status=pending");
    fireEvent.click(within(screen.getByTestId("search-priority")).getByLabelText("Urgent"));
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=refund&priority=urgent");
    fireEvent.change(screen.getByLabelText("Assignee"), { target: { value: "none" } });
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=refund&assigneeId=none");
    fireEvent.change(screen.getByLabelText("Assignee"), { target: { value: "me" } });
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=refund&assigneeId=me");
    await waitFor(() => expect(screen.getByLabelText("Department").querySelectorAll("option")).toHaveLength(2));
    fireEvent.change(screen.getByLabelText("Department"), { target: { value: "d-pay" } });
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=refund&departmentId=d-pay");
    fireEvent.input(screen.getByLabelText("Tags"), { target: { value: "VIP, billing" } });
    fireEvent.keyDown(screen.getByLabelText("Tags"), { key: "Enter" });
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=refund&tag=vip,billing");
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-03-01" } });
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=refund&from=2026-03-01");
    fireEvent.change(screen.getByLabelText("Sort by"), { target: { value: "updated" } });
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=refund&sort=updated");

    // New words keep the filters; the same search again asks again (the index may have caught up).
    fireEvent.input(screen.getByLabelText("Search for"), { target: { value: "  refund  " } });
    fireEvent.submit(screen.getByTestId("search-form"));
    expect(router.navigate).toHaveBeenCalledTimes(8);
    fireEvent.input(screen.getByLabelText("Search for"), { target: { value: "chargeback" } });
    fireEvent.submit(screen.getByTestId("search-form"));
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=chargeback");
  });

  it("narrows the search to a customer or an organization it found, shown as a filter that can be removed", async () => {
    router.search = { q: "kovács" };
    stubApi(
      routes(() =>
        page({
          total: 0,
          customers: [{ customerId: "c-eszter", name: [{ text: "Kovács", match: true }, { text: " Eszter" }], email: [{ text: "eszter@kovacs.example" }], phone: "+36 1 234 5678" }],
          organizations: [{ organizationId: "o-kovacs", name: [{ text: "Kovács", match: true }, { text: " és Társa Kft." }], domains: ["kovacs.example"] }],
        }),
      ),
    );
    renderConsole(() => <SearchPage />, oksana, "hu");
    await loaded("/search?q=kov%C3%A1cs");
    const customer = screen.getByTestId("search-customer");
    expect(customer.querySelector("mark")!.textContent).toBe("Kovács");
    expect(customer.textContent).toContain("+36 1 234 5678");
    expect(screen.getByTestId("search-empty").textContent).toContain("Egy bejelentés sem felel meg a keresésnek: „kovács”.");
    fireEvent.click(customer);
    expect(router.navigate).toHaveBeenLastCalledWith("/search?customerId=c-eszter");
    fireEvent.click(screen.getByTestId("search-organization"));
    expect(router.navigate).toHaveBeenLastCalledWith("/search?organizationId=o-kovacs");
    cleanup();

    // Arriving at the filtered search (a reload, a link), the chip finds the name by itself.
    router.search = { customerId: "c-eszter", status: "open" };
    const api = stubApi(
      routes(() => page({ total: 1, tickets: [found(1)] }), {
        "GET /api/customers/c-eszter": () => ({ customer: { customerId: "c-eszter", name: "Kovács Eszter" }, organization: null, tickets: [], cursor: null }),
      }),
    );
    renderConsole(() => <SearchPage />, oksana);
    await loaded("/search?status=open&customerId=c-eszter");
    expect(searches(api)).toEqual(["/api/search?status=open&customerId=c-eszter&limit=20"]);
    const chip = screen.getByTestId("search-chip-customer");
    await waitFor(() => expect(chip.textContent).toBe("Customer: Kovács Eszter×, remove the filter"));
    fireEvent.click(chip);
    expect(router.navigate).toHaveBeenLastCalledWith("/search?status=open");
  });

  it("shows the customers and organizations of the first page only, and loads more tickets with the cursor", async () => {
    router.search = { q: "card" };
    const api = stubApi(
      routes((url) =>
        url.searchParams.get("cursor") === "c2"
          ? page({ total: 3, tickets: [found(3)], cursor: null })
          : page({ total: 3, tickets: [found(1), found(2)], cursor: "c2", customers: [{ customerId: "c1", name: [{ text: "Card Holder" }] }] }),
      ),
    );
    renderConsole(() => <SearchPage />, oksana);
    await loaded("/search?q=card");
    expect(screen.getAllByTestId("search-result")).toHaveLength(2);
    fireEvent.click(screen.getByTestId("search-load-more"));
    await waitFor(() => expect(screen.getAllByTestId("search-result")).toHaveLength(3));
    expect(searches(api)[1]).toBe("/api/search?q=card&cursor=c2&limit=20");
    expect(screen.queryByTestId("search-load-more")).toBeNull();
    expect(screen.getAllByTestId("search-customer")).toHaveLength(1);
  });

  it("says when nothing matches, and offers to clear the filters", async () => {
    router.search = { q: "zebra", status: "closed" };
    stubApi(routes(() => page()));
    renderConsole(() => <SearchPage />, oksana);
    const empty = await screen.findByTestId("search-empty");
    expect(empty.textContent).toContain("No tickets match “zebra”.");
    expect(screen.getByTestId("search-count").textContent).toBe("0 results");
    fireEvent.click(within(empty).getByRole("button", { name: "Clear filters" }));
    expect(router.navigate).toHaveBeenLastCalledWith("/search?q=zebra");
  });

  it("asks nothing with neither words nor a filter, and puts the keyboard in the box", async () => {
    const api = stubApi(routes(() => page()));
    renderConsole(() => <SearchPage />, oksana);
    await screen.findByText("Type what you are looking for, or choose a filter.");
    expect(document.activeElement).toBe(screen.getByLabelText("Search for"));
    expect(searches(api)).toEqual([]);
  });

  it("shows the API's field errors beside the fields they name, as the API says them in the reader's language", async () => {
    router.search = { q: "@@@", from: "2026-03-10", to: "2026-03-01" };
    stubApi(
      routes(() =>
        jsonResponse(400, {
          error: {
            code: "invalid",
            message: "Invalid input",
            requestId: "r1",
            issues: [
              { path: ["q"], code: "invalid", message: "Для пошуку введіть літери або цифри" },
              { path: "to", code: "custom", message: "Кінцева дата раніша за початкову" },
              { path: "status.0", code: "invalid_value", message: "Невідомий статус" },
            ],
          },
        }),
      ),
    );
    renderConsole(() => <SearchPage />, oksana, "uk");
    const q = screen.getByLabelText("Що шукати");
    await waitFor(() => expect(q.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(q.getAttribute("aria-describedby")!)!.textContent).toBe("Для пошуку введіть літери або цифри");
    const to = screen.getByLabelText("По");
    expect(to.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(to.getAttribute("aria-describedby")!)!.textContent).toBe("Кінцева дата раніша за початкову");
    // An issue of no field on the page (a list from an edited address) is said above the results.
    expect(screen.getByTestId("search-error").textContent).toBe("Невідомий статус");
    expect(screen.queryByRole("button", { name: "Спробувати ще раз" })).toBeNull();
  });

  it("offers to try again when the search fails on the server's side", async () => {
    router.search = { q: "card" };
    let fail = true;
    stubApi(
      routes(() =>
        fail ? jsonResponse(500, { error: { code: "internal", message: "Something went wrong on our side", requestId: "r-42" } }) : page({ total: 1, tickets: [found(1)] }),
      ),
    );
    renderConsole(() => <SearchPage />, oksana);
    await screen.findByText("Something went wrong on our side. Reference: r-42");
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(screen.getAllByTestId("search-result")).toHaveLength(1));
  });
});
