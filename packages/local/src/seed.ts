import { Signup } from "@frontline/core/signup";
import { withActor, type Actor } from "@frontline/core/actor";
import { Customer } from "@frontline/core/customer";
import { useDb } from "@frontline/core/db";
import { Workspace } from "@frontline/core/workspace";
import { Department } from "@frontline/core/department";
import { Conflict } from "@frontline/core/error";
import { Staff } from "@frontline/core/staff";
import { Tenant } from "@frontline/core/tenant";
import { Ticket } from "@frontline/core/ticket";
import { Operator } from "@frontline/core/operator";

export const DemoLogin = {
  workspaceName: "Demo Company",
  slug: "demo",
  ownerName: "Dana Demo",
  email: "owner@demo.example",
  password: "frontline-demo",
} as const;

/** The local operator (the platform's own console, /operator), created on first start. */
export const DemoOperator = { email: "operator@frontline.localhost", name: "Olena Operator", password: "frontline-operator" } as const;

/** The demo's other staff: one of each working role, all with the demo password. */
export const DemoStaff = [
  { name: "Dmytro Dispatcher", email: "dispatcher@demo.example", role: "dispatcher", departments: [] },
  { name: "Anna Agent", email: "anna@demo.example", role: "agent", departments: ["Support", "Payments"] },
  { name: "Bence Agent", email: "bence@demo.example", role: "agent", departments: ["Complaints"] },
  { name: "Saule Supervisor", email: "saule@demo.example", role: "supervisor", departments: ["Support", "Payments", "Complaints"] },
] as const;

type Step = { as: "owner" | "anna" | "bence" | "dispatcher"; reply?: string; note?: string; status?: "pending" | "solved" | "on_hold" };

/** A few weeks of a small help desk: requests by mail and phone, in the languages of the first users. */
const DEMO_TICKETS: {
  subject: string;
  body: string;
  requester: Customer.RequesterInput;
  department: "Support" | "Payments" | "Complaints";
  impact?: "low" | "medium" | "high";
  urgency?: "low" | "medium" | "high";
  type?: "incident" | "service_request" | "information_request" | "documentation_request" | "change_request";
  origin?: "phone" | "in_person";
  assign?: "anna" | "bence";
  tags?: string[];
  steps?: Step[];
}[] = [
  {
    subject: "Cannot sign in after the password reset",
    body: "Hello, I reset my password yesterday and now the site says my account is locked. I need to send invoices today.",
    requester: { email: "maria.kovacs@harbor-logistics.example", name: "Maria Kovács" },
    department: "Support",
    impact: "medium",
    urgency: "high",
    assign: "anna",
    tags: ["login"],
    steps: [{ as: "anna", reply: "Hello Maria, I have unlocked your account. Could you try again and tell me if it works?", status: "pending" }],
  },
  {
    subject: "Double charge on invoice 2026-1187",
    body: "We were charged twice for the November invoice. Please refund one of the payments.",
    requester: { email: "accounts@harbor-logistics.example", name: "Harbor Logistics accounts" },
    department: "Payments",
    impact: "medium",
    urgency: "medium",
    type: "service_request",
    tags: ["refund", "billing"],
    steps: [{ as: "anna", note: "Checked the payment provider: both charges settled. Refund needs Saule's approval." }],
  },
  {
    subject: "Не приходит код подтверждения",
    body: "Здравствуйте! Уже час жду SMS с кодом подтверждения, но он так и не пришёл. Номер правильный.",
    requester: { email: "oleg.petrov@example.ru", name: "Олег Петров" },
    department: "Support",
    urgency: "high",
    assign: "anna",
  },
  {
    subject: "Рахунок для бухгалтерії",
    body: "Добрий день! Надішліть, будь ласка, рахунок за грудень на нашу компанію для бухгалтерії.",
    requester: { name: "Ірина Шевченко", phone: "+380 44 555 12 34" },
    department: "Payments",
    type: "documentation_request",
    origin: "phone",
    steps: [{ as: "dispatcher", note: "Called in; wants the invoice by email, address to follow." }],
  },
  {
    subject: "Courier was rude and left the parcel outside",
    body: "The courier refused to bring the parcel upstairs and left it in the rain. This is not acceptable.",
    requester: { email: "peter.nagy@example.hu", name: "Nagy Péter" },
    department: "Complaints",
    impact: "low",
    urgency: "medium",
    assign: "bence",
    tags: ["delivery"],
    steps: [{ as: "bence", reply: "Dear Péter, I am sorry. We have raised this with the courier company and refunded the delivery fee.", status: "solved" }],
  },
  {
    subject: "Export of all orders to CSV",
    body: "Is there a way to export all our orders of 2026 to CSV for our auditor?",
    requester: { email: "aigerim@steppe-trade.example", name: "Aigerim Nurlanovna" },
    department: "Support",
    type: "information_request",
    impact: "low",
    urgency: "low",
    steps: [{ as: "anna", reply: "Hello Aigerim, yes: Orders → Export → CSV. I attached the guide.", status: "solved" }],
  },
  {
    subject: "Checkout is down for all customers",
    body: "Since 09:40 every checkout fails with error 502. We are losing sales.",
    requester: { email: "ops@harbor-logistics.example", name: "Harbor Logistics operations" },
    department: "Support",
    impact: "high",
    urgency: "high",
    tags: ["outage"],
  },
  {
    subject: "Please add a second admin to our account",
    body: "Our new office manager needs admin rights. Her email is judit@harbor-logistics.example.",
    requester: { email: "maria.kovacs@harbor-logistics.example" },
    department: "Support",
    type: "change_request",
    steps: [{ as: "anna", reply: "Done: Judit is now an admin. She will receive an invitation.", status: "solved" }],
  },
  {
    subject: "Card payment declined",
    body: "Customer called: card payment declined three times, card works elsewhere.",
    requester: { name: "Arman Seitkali", phone: "+7 701 555 0101" },
    department: "Payments",
    origin: "phone",
    urgency: "high",
    steps: [{ as: "dispatcher", note: "Asked him to wait for a call back within the hour." }],
  },
  {
    subject: "Wrong size delivered",
    body: "I ordered size M and received XL. How do I exchange it?",
    requester: { email: "lena.kravets@example.ua", name: "Лена Кравець" },
    department: "Complaints",
    type: "service_request",
    assign: "bence",
    steps: [{ as: "bence", reply: "Hello Lena, a return label is on its way by email; the exchange ships when we receive it.", status: "on_hold" }],
  },
];

/** Seeds the demo's departments, staff and tickets (only when the workspace is created). */
async function seedContent(tenantId: string, ownerId: string): Promise<void> {
  const system: Actor = { type: "system", tenantId, reason: "demo" };
  const owner = await Staff.getRecord(tenantId, ownerId);
  const asStaff = (info: Staff.Info): Actor => ({
    type: "staff",
    tenantId,
    staffId: info.staffId,
    role: info.role,
    name: info.name,
    departmentIds: info.departmentIds,
    sessionId: "seed",
  });
  // The demo shows every role at once, so it runs on the Pro plan (more seats than Standard's two).
  await useDb().entities.tenant.patch({ tenantId }).set({ planId: "pro" }).go();
  Workspace.changed(tenantId);
  await withActor(system, async () => {
    const departments = new Map<string, string>();
    for (const d of await Department.list()) departments.set(d.name, d.departmentId);
    for (const name of ["Payments", "Complaints"]) departments.set(name, (await Department.create({ name })).departmentId);
    const staff = new Map<string, Actor>([["owner", asStaff(Staff.view(owner))]]);
    for (const person of DemoStaff) {
      const info = await Staff.create({
        name: person.name,
        email: person.email,
        role: person.role,
        departmentIds: person.departments.map((name) => departments.get(name)!),
        password: DemoLogin.password,
      });
      staff.set(person.email.split("@")[0]!, asStaff(info));
    }
    await Customer.Organization.create({ name: "Harbor Logistics", domains: ["harbor-logistics.example"] });
    const ownerActor = staff.get("owner")!;
    for (const demo of DEMO_TICKETS) {
      const creator = demo.origin ? staff.get("dispatcher")! : ownerActor;
      const ticket = await withActor(creator, () =>
        Ticket.create({
          subject: demo.subject,
          body: demo.body,
          requester: demo.requester,
          departmentId: departments.get(demo.department),
          impact: demo.impact ?? "medium",
          urgency: demo.urgency ?? "medium",
          type: demo.type ?? "incident",
          origin: demo.origin,
          tags: demo.tags ?? [],
          ...(demo.assign ? { assigneeId: (staff.get(demo.assign) as { staffId: string }).staffId } : {}),
        }),
      );
      for (const step of demo.steps ?? []) {
        const actor = staff.get(step.as)!;
        if (step.reply) await withActor(actor, () => Ticket.reply(ticket.ticketId, { body: step.reply!, status: step.status }));
        if (step.note) await withActor(actor, () => Ticket.note(ticket.ticketId, { body: step.note! }));
      }
    }
  });
}

/** Creates the demo workspace and the local operator on first start; later starts find them and change nothing. */
export async function seedDemo(): Promise<"created" | "exists"> {
  await Operator.ensure(DemoOperator);
  if (await Tenant.exists(DemoLogin.slug)) return "exists";
  try {
    const result = await Signup.signup({ ...DemoLogin });
    await seedContent(result.tenant.tenantId, result.staff.staffId);
    return "created";
  } catch (error) {
    if (error instanceof Conflict) return "exists";
    throw error;
  }
}
