import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/api/app";
import { settle, useTestTable } from "../../test/support/db";
import { signupVia, type Fetch, type Workspace } from "../../test/support/api";

const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);

let ws: Workspace;
beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
});

const open = async (email: string, subject: string) => {
  const response = await ws.as.post("/api/tickets", { subject, body: `About ${subject}`, requester: { email } });
  expect(response.status).toBe(201);
  return (await response.json()).ticket as { ticketId: string; number: number; version: number };
};
const page = async (ticketId: string) => (await ws.as.get(`/api/tickets/${ticketId}`)).json();

describe("POST /api/tickets/:id/merge and /unmerge", () => {
  it("merges by number, shows the joined thread on the survivor, and undoes it", async () => {
    const survivor = await open("ida@customer.example", "Invoice wrong");
    const merged = await open("ida@customer.example", "Invoice still wrong");
    const response = await ws.as.post(`/api/tickets/${merged.ticketId}/merge`, { version: merged.version, intoNumber: survivor.number });
    expect(response.status).toBe(200);
    expect((await response.json()).ticket).toMatchObject({ status: "closed", mergedInto: { ticketId: survivor.ticketId, number: survivor.number } });
    await settle();
    const joined = await page(survivor.ticketId);
    expect(joined.mergedFrom).toEqual([expect.objectContaining({ ticketId: merged.ticketId, number: merged.number })]);
    expect(joined.messages.map((m: { body: string; fromTicket?: { number: number } }) => [m.body, m.fromTicket?.number])).toEqual([
      ["About Invoice wrong", undefined],
      ["About Invoice still wrong", merged.number],
    ]);

    const undone = await ws.as.post(`/api/tickets/${merged.ticketId}/unmerge`);
    expect(undone.status).toBe(200);
    expect((await undone.json()).ticket.status).toBe("new");
    expect((await page(survivor.ticketId)).messages).toHaveLength(1);
    // Undone already: a clear refusal, not a 500.
    expect((await ws.as.post(`/api/tickets/${merged.ticketId}/unmerge`, {})).status).toBe(409);
  });

  it("answers field-level errors in the reader's language: another customer's ticket, no ticket, a bad body", async () => {
    const mine = await open("jon@customer.example", "Mine");
    const theirs = await open("kim@customer.example", "Theirs");
    const other = await ws.as.post(`/api/tickets/${mine.ticketId}/merge`, { version: mine.version, into: theirs.ticketId }, { "accept-language": "ru" });
    expect(other.status).toBe(400);
    const issue = (await other.json()).error.issues[0];
    expect(issue).toMatchObject({ path: "into", code: "other_customer" });
    expect(issue.message).toBe(`Обращение №${theirs.number} от другого клиента: объединять можно только обращения одного клиента`);

    const missing = await ws.as.post(`/api/tickets/${mine.ticketId}/merge`, { version: mine.version, intoNumber: 0 });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.issues[0]).toMatchObject({ path: "intoNumber" });
    const nothing = await ws.as.post(`/api/tickets/${mine.ticketId}/merge`, { version: mine.version });
    expect((await nothing.json()).error.issues[0]).toMatchObject({ path: "into", message: "Choose the ticket to merge into" });
    const stale = await ws.as.post(`/api/tickets/${mine.ticketId}/merge`, { version: mine.version + 5, into: theirs.ticketId });
    expect(stale.status).toBe(409);
    const unknown = await ws.as.post(`/api/tickets/${mine.ticketId}/merge`, { version: mine.version, into: theirs.ticketId, extra: 1 });
    expect(unknown.status).toBe(400);
  });
});

describe("POST /api/tickets/:id/links and DELETE /api/tickets/:id/links/:otherId", () => {
  it("links a problem and its incident, shows it on both pages, and unlinks it", async () => {
    const problem = await open("ops@customer.example", "VPN down");
    const incident = await open("lea@customer.example", "Cannot connect");
    const created = await ws.as.post(`/api/tickets/${problem.ticketId}/links`, { otherNumber: incident.number, role: "incident" });
    expect(created.status).toBe(201);
    await settle();
    expect((await page(problem.ticketId)).links).toEqual([expect.objectContaining({ ticketId: incident.ticketId, number: incident.number, subject: "Cannot connect", status: "new", role: "incident" })]);
    expect((await page(incident.ticketId)).links).toEqual([expect.objectContaining({ ticketId: problem.ticketId, role: "problem" })]);

    const bad = await ws.as.post(`/api/tickets/${problem.ticketId}/links`, { other: incident.ticketId, role: "sibling" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0]).toMatchObject({ path: "role" });

    expect((await ws.as.send("DELETE", `/api/tickets/${incident.ticketId}/links/${problem.ticketId}`)).status).toBe(204);
    await settle();
    expect((await page(problem.ticketId)).links).toEqual([]);
    expect((await page(incident.ticketId)).links).toEqual([]);
    expect((await ws.as.send("DELETE", `/api/tickets/${incident.ticketId}/links/${problem.ticketId}`)).status).toBe(404);
  });
});
