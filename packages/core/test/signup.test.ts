import { Signup } from "@frontline/core/signup";
import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Billing } from "@frontline/core/billing";
import { useDb } from "@frontline/core/db";
import { Department } from "@frontline/core/department";
import { Event } from "@frontline/core/event";
import { Conflict, Invalid } from "@frontline/core/error";
import { Tenant } from "@frontline/core/tenant";
import { settle, useTestTable } from "../../../test/support/db";
import { makeSignup } from "../../../test/support/factories";

beforeAll(useTestTable);

const asSystem = <T>(tenantId: string, fn: () => T) => withActor({ type: "system", tenantId, reason: "test" }, fn);

describe("sign-up", () => {
  it("creates the tenant, owner, default department, trial plan, credited billing account and ledger entry", async () => {
    const input = makeSignup({ email: "Owner@Example.COM" });
    const result = await Signup.signup(input);

    expect(result.tenant).toMatchObject({
      tenantId: input.slug,
      slug: input.slug,
      name: input.workspaceName,
      inboundAddress: `${input.slug}@frontline.localhost`,
      planId: "standard",
      planStatus: "trial",
    });
    expect(result.staff).toMatchObject({ role: "owner", email: "owner@example.com", name: "Olga Owner", status: "active" });
    expect(result.staff).not.toHaveProperty("passwordHash");
    expect(result.session.token).toMatch(new RegExp(`^fls\\.${input.slug}\\.`));

    await asSystem(input.slug, async () => {
      const departments = await Department.list();
      expect(departments).toEqual([expect.objectContaining({ name: "Support", isDefault: true })]);
      expect(result.staff.departmentIds).toEqual([departments[0]!.departmentId]);
      expect(await Billing.account()).toEqual({ balanceMinor: 3000, currency: "USD", trialCreditMinor: 3000 });
      const ledger = await Billing.ledger();
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({ kind: "trial_credit", amountMinor: 3000, balanceAfterMinor: 3000 });
      const events = await Event.list({});
      expect(events.events.map((e) => e.action).sort()).toEqual(["billing.trial_credit", "department.create", "staff.create", "tenant.create"]);
      expect(events.events.find((e) => e.action === "tenant.create")).toMatchObject({ actor: { type: "staff", id: result.staff.staffId, name: "Olga Owner" } });
    });

    const owner = await useDb().entities.staff.get({ tenantId: input.slug, staffId: result.staff.staffId }).go();
    expect(owner.data?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("ends a sign-up that stopped after the workspace was written: the owner, the department and the trial credit follow by reaction", async () => {
    const input = makeSignup();
    const ownerId = "01JOWNER0000000000000000AA";
    await Tenant.open(Tenant.SignupSchema.parse(input), { staffId: ownerId, passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA" }, "standard");
    await settle();
    const owner = await useDb().entities.staff.get({ tenantId: input.slug, staffId: ownerId }).go({ consistent: true });
    expect(owner.data).toMatchObject({ role: "owner", email: input.email });
    const tenant = await useDb().entities.tenant.get({ tenantId: input.slug }).go({ consistent: true });
    expect(tenant.data?.pendingOwner).toBeUndefined(); // the password hash is no longer kept on the workspace
    await asSystem(input.slug, async () => {
      expect(await Department.list()).toEqual([expect.objectContaining({ name: "Support", isDefault: true })]);
      expect(await Billing.account()).toMatchObject({ balanceMinor: 3000 });
    });
  });

  it("refuses a taken slug with 409 and writes nothing of the second workspace", async () => {
    const first = makeSignup();
    await Signup.signup(first);
    const second = makeSignup({ slug: first.slug, workspaceName: "Impostor", email: "other@example.com" });

    const error = await Signup.signup(second).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).issues).toEqual([expect.objectContaining({ path: "slug", code: "taken" })]);

    const tenant = await Tenant.get(first.slug);
    expect(tenant.name).toBe(first.workspaceName);
    const claim = await useDb().entities.staffEmail.get({ tenantId: first.slug, email: "other@example.com" }).go();
    expect(claim.data).toBeNull();
    await asSystem(first.slug, async () => {
      expect(await Department.list()).toHaveLength(1);
      expect(await Billing.ledger()).toHaveLength(1);
    });
  });

  it("gives a message per invalid field", async () => {
    const error = await Signup.signup({ workspaceName: "x", slug: "-Bad_", ownerName: " ", email: "nope", password: "short" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Invalid);
    const paths = new Set((error as Invalid).issues.map((i) => i.path));
    expect(paths).toEqual(new Set(["workspaceName", "slug", "ownerName", "email", "password"]));
  });

  it("refuses reserved slugs and normalises case", async () => {
    const reserved = await Signup.signup(makeSignup({ slug: "admin" })).catch((e: unknown) => e);
    expect((reserved as Invalid).issues[0]).toMatchObject({ path: "slug" });
    const mixed = makeSignup();
    const result = await Signup.signup({ ...mixed, slug: mixed.slug.toUpperCase() });
    expect(result.tenant.slug).toBe(mixed.slug);
  });

  it("lets only one of two simultaneous sign-ups with the same slug succeed", async () => {
    const slug = makeSignup().slug;
    const results = await Promise.allSettled(
      [0, 1, 2].map((i) => Signup.signup(makeSignup({ slug, email: `racer${i}@example.com` }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    }
  });
});
