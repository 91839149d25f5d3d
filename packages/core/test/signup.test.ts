import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Billing } from "@frontline/core/billing";
import { useDb } from "@frontline/core/db";
import { Department } from "@frontline/core/department";
import { Event } from "@frontline/core/event";
import { Conflict, Invalid } from "@frontline/core/error";
import { Tenant } from "@frontline/core/tenant";
import { useTestTable } from "../../../test/support/db";
import { makeSignup } from "../../../test/support/factories";

beforeAll(useTestTable);

const asSystem = <T>(tenantId: string, fn: () => T) => withActor({ type: "system", tenantId, reason: "test" }, fn);

describe("Tenant.signup", () => {
  it("creates the tenant, owner, default department, trial plan, credited billing account and ledger entry", async () => {
    const input = makeSignup({ email: "Owner@Example.COM" });
    const result = await Tenant.signup(input);

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
      expect(events.events).toEqual([
        expect.objectContaining({ action: "tenant.create", actor: { type: "staff", id: result.staff.staffId, name: "Olga Owner" } }),
      ]);
    });

    const owner = await useDb().entities.staff.get({ tenantId: input.slug, staffId: result.staff.staffId }).go();
    expect(owner.data?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("refuses a taken slug with 409 and writes nothing of the second workspace", async () => {
    const first = makeSignup();
    await Tenant.signup(first);
    const second = makeSignup({ slug: first.slug, workspaceName: "Impostor", email: "other@example.com" });

    const error = await Tenant.signup(second).catch((e: unknown) => e);
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
    const error = await Tenant.signup({ workspaceName: "x", slug: "-Bad_", ownerName: " ", email: "nope", password: "short" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Invalid);
    const paths = new Set((error as Invalid).issues.map((i) => i.path));
    expect(paths).toEqual(new Set(["workspaceName", "slug", "ownerName", "email", "password"]));
  });

  it("refuses reserved slugs and normalises case", async () => {
    const reserved = await Tenant.signup(makeSignup({ slug: "admin" })).catch((e: unknown) => e);
    expect((reserved as Invalid).issues[0]).toMatchObject({ path: "slug" });
    const mixed = makeSignup();
    const result = await Tenant.signup({ ...mixed, slug: mixed.slug.toUpperCase() });
    expect(result.tenant.slug).toBe(mixed.slug);
  });

  it("lets only one of two simultaneous sign-ups with the same slug succeed", async () => {
    const slug = makeSignup().slug;
    const results = await Promise.allSettled(
      [0, 1, 2].map((i) => Tenant.signup(makeSignup({ slug, email: `racer${i}@example.com` }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    }
  });
});
