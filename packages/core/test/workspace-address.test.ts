import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Auth } from "@frontline/core/auth";
import { Department } from "@frontline/core/department";
import { Inbound } from "@frontline/core/email/inbound";
import { Conflict, Forbidden, Invalid } from "@frontline/core/error";
import { Signup } from "@frontline/core/signup";
import { Staff } from "@frontline/core/staff";
import { PasswordReset } from "@frontline/core/staff/password-reset";
import { Tenant } from "@frontline/core/tenant";
import { Ticket } from "@frontline/core/ticket";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { makeSignup } from "../../../test/support/factories";
import { rawMail } from "../../../test/support/mail";
import { makeWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);
vi.setConfig({ testTimeout: 60_000 });

const fresh = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

describe("changing the workspace's address", () => {
  it("keeps the old address as an alias: sign-in, mail to it and to its department's plus address reach the workspace", async () => {
    const ws = await makeWorkspace();
    const owner = await ws.as(ws.owner, () => Staff.get(ws.owner.staffId));
    const input = { slug: ws.tenantId, email: owner.email, password: "a long enough passphrase" };
    const next = fresh("renamed");
    const settings = await ws.as(ws.owner, () => Tenant.changeAddress({ slug: `  ${next.toUpperCase()} ` }));
    expect(settings).toMatchObject({ slug: next, aliases: [input.slug], inboundAddress: `${next}@frontline.localhost` });
    expect((await Tenant.get(input.slug)).slug).toBe(next);

    for (const slug of [input.slug, next]) {
      const signedIn = await Auth.login({ slug, email: input.email, password: input.password });
      expect(signedIn.staff.role).toBe("owner");
      expect(signedIn.tenant.tenantId).toBe(input.slug);
    }
    expect(await Inbound.acceptsRecipient(`${input.slug}@frontline.localhost`)).toBe(true);
    expect(await Inbound.acceptsRecipient(`${next}+support@frontline.localhost`)).toBe(true);

    const department = await ws.as(ws.owner, () => Department.get(ws.supportId));
    expect(department.inboundAddress).toBe(`${next}+${department.address}@frontline.localhost`);
    const byOld = await Inbound.receive(await rawMail({ to: `${input.slug}+${department.address}@frontline.localhost`, subject: "To the old address" }), {
      from: "carla@customer.example",
      to: [`${input.slug}+${department.address}@frontline.localhost`],
    });
    const byNew = await Inbound.receive(await rawMail({ to: `${next}@frontline.localhost`, subject: "To the new address" }), {
      from: "carla@customer.example",
      to: [`${next}@frontline.localhost`],
    });
    expect(byOld).toEqual([expect.objectContaining({ status: "ticket_created" })]);
    expect(byNew).toEqual([expect.objectContaining({ status: "ticket_created" })]);
    const tickets = await ws.as(ws.owner, () => Ticket.get(byOld[0]!.ticketId!));
    expect(tickets.ticket.departmentId).toBe(ws.supportId);

    // The acknowledgement goes out from the new address.
    await settle();
    const sent = testPorts.mailer.sent.filter((m) => m.recipients.includes("carla@customer.example"));
    expect(sent.length).toBeGreaterThan(0);
    for (const mail of sent) expect((await simpleParser(mail.raw)).from?.value[0]?.address).toBe(`${next}@frontline.localhost`);

    // A password reset asked for with the old address finds the account.
    testPorts.mailer.sent.length = 0;
    await PasswordReset.request({ slug: input.slug, email: input.email });
    await settle();
    expect(testPorts.mailer.sent.filter((m) => m.recipients.includes(input.email))).toHaveLength(1);
  });

  it("lets nobody else take the new address or the old one, at sign-up or by changing theirs", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const next = fresh("taken");
    await a.as(a.owner, () => Tenant.changeAddress({ slug: next }));
    for (const slug of [a.tenantId, next]) {
      const signup = await Signup.signup(makeSignup({ slug })).catch((e: unknown) => e);
      expect(signup).toBeInstanceOf(Conflict);
      expect((signup as Conflict).issues).toEqual([expect.objectContaining({ path: "slug", code: "taken" })]);
      const change = await b.as(b.owner, () => Tenant.changeAddress({ slug })).catch((e: unknown) => e);
      expect(change).toBeInstanceOf(Conflict);
      expect((change as Conflict).issues).toEqual([expect.objectContaining({ path: "slug", code: "taken" })]);
    }
    // Nor a workspace's own id, though it was never changed.
    await expect(a.as(a.owner, () => Tenant.changeAddress({ slug: b.tenantId }))).rejects.toBeInstanceOf(Conflict);
    expect((await Tenant.get(b.tenantId)).slug).toBe(b.tenantId);
  });

  it("gives an address to one of two workspaces racing for it", async () => {
    const [a, b] = await Promise.all([makeWorkspace(), makeWorkspace()]);
    const wanted = fresh("race");
    const results = await Promise.allSettled([a.as(a.owner, () => Tenant.changeAddress({ slug: wanted })), b.as(b.owner, () => Tenant.changeAddress({ slug: wanted }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Conflict);
    const winner = results[0]!.status === "fulfilled" ? a : b;
    expect(await Tenant.resolve(wanted)).toBe(winner.tenantId);
  });

  it("takes an alias back, and keeps every address it had", async () => {
    const ws = await makeWorkspace();
    const [first, second] = [fresh("first"), fresh("second")];
    await ws.as(ws.owner, () => Tenant.changeAddress({ slug: first }));
    await ws.as(ws.owner, () => Tenant.changeAddress({ slug: second }));
    expect((await ws.as(ws.owner, () => Tenant.settings())).aliases.sort()).toEqual([ws.tenantId, first].sort());
    const back = await ws.as(ws.owner, () => Tenant.changeAddress({ slug: ws.tenantId }));
    expect(back).toMatchObject({ slug: ws.tenantId, inboundAddress: `${ws.tenantId}@frontline.localhost` });
    expect(back.aliases.sort()).toEqual([first, second].sort());
    for (const slug of [first, second, ws.tenantId]) expect(await Tenant.resolve(slug)).toBe(ws.tenantId);
  });

  it("is the owner's, with the sign-up's rules for an address", async () => {
    const ws = await makeWorkspace();
    const admin = await ws.staff("admin");
    await expect(ws.as(admin, () => Tenant.changeAddress({ slug: fresh("admin") }))).rejects.toBeInstanceOf(Forbidden);
    for (const slug of ["ab", "-bad-", "two--hyphens", "support", "кириллица", "x".repeat(41)]) {
      const refused = await ws.as(ws.owner, () => Tenant.changeAddress({ slug })).catch((e: unknown) => e);
      expect(refused, slug).toBeInstanceOf(Invalid);
      expect((refused as Invalid).issues.map((i) => i.path)).toEqual(["slug"]);
    }
    const unknown = await ws.as(ws.owner, () => Tenant.changeAddress({ slug: fresh("ok"), extra: true } as never)).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(Invalid);
    expect((await Tenant.get(ws.tenantId)).slug).toBe(ws.tenantId);
  });
});
