import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access, type Principal } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Invalid, msg, NotFound } from "../error";
import { Event } from "../event";
import { isRobotSender } from "../email/address";
import { checkTemplate, render as renderLetter, renderTemplate } from "../email/letters";
import { createId } from "../id";
import { localeOf, type Locale } from "../locale";
import { Ticket } from "../ticket";
import { parse } from "../validation";
import { Workspace } from "../workspace";
import type { ReplyTemplateEntity } from "./reply-template.entity";

/**
 * Reply templates: prepared answers with placeholders ({{ customer.name }}, {{ ticket.number }}, {{ agent.name }}...),
 * written by admins, inserted by agents from the composer, filled in for the ticket at hand.
 */

export type Record = EntityItem<typeof ReplyTemplateEntity>;

export interface Info {
  templateId: string;
  name: string;
  body: string;
  departmentIds: string[];
  updatedAt: string;
}

const view = (t: Record): Info => ({ templateId: t.templateId, name: t.name, body: t.body, departmentIds: t.departmentIds ?? [], updatedAt: t.updatedAt });

export const TemplateSchema = z
  .object({
    name: z.string().trim().min(1, "Give the template a name").max(80),
    body: z.string().trim().min(1, "Write the reply").max(20_000),
    departmentIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  })
  .strict();

/** The templates the current staff member may use (those of their departments and those for all). */
export async function list(): Promise<Info[]> {
  const actor = usePrincipal();
  const result = await useDb().entities.replyTemplate.query.byId({ tenantId: useTenantId() }).go({ pages: "all" });
  return result.data
    .map(view)
    .filter((t) => usable(actor, t.departmentIds))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A template is for everyone when it names no department, else for those who work one of its departments (and admins). */
function usable(actor: Principal, departmentIds: readonly string[] | undefined): boolean {
  const visible = Access.visibleDepartments(actor);
  return visible === "all" || Access.configures(actor) || !departmentIds?.length || departmentIds.some((d) => visible.includes(d));
}

async function validated(raw: z.input<typeof TemplateSchema>) {
  const input = parse(TemplateSchema, raw);
  const problem = checkTemplate({ subject: "x", body: input.body });
  if (problem) throw Invalid.field("body", "template", msg("The template does not parse: {problem}", { problem }));
  const known = new Set((await useDb().entities.department.query.byId({ tenantId: useTenantId() }).go({ pages: "all" })).data.map((d) => d.departmentId));
  const unknown = input.departmentIds.findIndex((d) => !known.has(d));
  if (unknown >= 0) throw Invalid.field(`departmentIds.${unknown}`, "not_found", "There is no such department");
  return input;
}

export async function create(raw: z.input<typeof TemplateSchema>): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = await validated(raw);
  const tenantId = useTenantId();
  const templateId = createId();
  await transact((entities) => [
    entities.replyTemplate.create({ tenantId, templateId, ...input }).commit(),
    Event.write(entities, actor, { action: "reply_template.create", target: { type: "reply_template", id: templateId, label: input.name }, after: input }),
  ]);
  return view((await useDb().entities.replyTemplate.get({ tenantId, templateId }).go()).data!);
}

export async function update(templateId: string, raw: z.input<typeof TemplateSchema>): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = await validated(raw);
  const tenantId = useTenantId();
  const current = (await useDb().entities.replyTemplate.get({ tenantId, templateId }).go()).data;
  if (!current) throw new NotFound("Reply template");
  await transact((entities) => [
    entities.replyTemplate.patch({ tenantId, templateId }).set(input).commit(),
    Event.write(entities, actor, { action: "reply_template.update", target: { type: "reply_template", id: templateId, label: input.name }, before: view(current), after: input }),
  ]);
  return view((await useDb().entities.replyTemplate.get({ tenantId, templateId }).go()).data!);
}

export async function remove(templateId: string): Promise<void> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const current = (await useDb().entities.replyTemplate.get({ tenantId, templateId }).go()).data;
  if (!current) throw new NotFound("Reply template");
  await transact((entities) => [
    entities.replyTemplate.delete({ tenantId, templateId }).commit(),
    Event.write(entities, actor, { action: "reply_template.delete", target: { type: "reply_template", id: templateId, label: current.name }, before: view(current) }),
  ]);
}

/** A template filled in for a ticket the current staff member may see, ready to go into the composer. */
export async function render(templateId: string, ticketId: string): Promise<{ body: string }> {
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const template = (await useDb().entities.replyTemplate.get({ tenantId, templateId }).go()).data;
  // One of another department's templates is not there for this person, as in the list.
  if (!template || !usable(actor, template.departmentIds)) throw new NotFound("Reply template");
  const ticket = await Ticket.load(ticketId);
  const tenant = (await useDb().entities.tenant.get({ tenantId }).go({ attributes: ["name"] })).data;
  const rendered = await renderTemplate(
    { subject: "-", body: template.body },
    {
      workspace: { name: tenant?.name ?? tenantId },
      customer: { name: ticket.requesterName, email: ticket.requesterEmail },
      ticket: { number: ticket.number, subject: ticket.subject, status: ticket.status },
      agent: { name: Event.actorOf(actor).name },
    },
  ).catch((error: Error) => {
    throw Invalid.field("body", "template", msg("The template does not render: {problem}", { problem: error.message }));
  });
  return { body: rendered.body };
}

/** Stands for the reply in the letter, to find where the reply ends: nothing a person writes or a wording says. */
const REPLY = "\u2060frontline-reply\u2060";

/**
 * What a reply to this ticket's requester is followed by in the letter that carries it (the workspace's own wording
 * of agent_reply, in the requester's language, with the agent's name): the composer shows it under the text, so that
 * an agent does not sign twice. Empty when the wording puts nothing after the reply, or no letter goes.
 */
export async function signature(ticketId: string): Promise<{ text: string; locale: Locale }> {
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const ticket = await Ticket.load(ticketId);
  const config = await Workspace.config(tenantId);
  // No letter goes to a ticket without an address or to a machine (email/intent.ts): a reply adds nothing then.
  if (!ticket.requesterEmail || isRobotSender(ticket.requesterEmail)) return { text: "", locale: localeOf(config.tenant?.locale) };
  const customer = (await useDb().entities.customer.get({ tenantId, customerId: ticket.requesterId }).go({ attributes: ["name", "locale"] })).data;
  const locale = localeOf(customer?.locale ?? config.tenant?.locale);
  const letter = await renderLetter(tenantId, "agent_reply", locale, {
    workspace: { name: config.tenant?.name ?? tenantId },
    customer: { name: customer?.name ?? ticket.requesterName, email: ticket.requesterEmail },
    ticket: { number: ticket.number, subject: ticket.subject, status: ticket.status },
    agent: { name: Event.actorOf(actor).name },
    message: REPLY,
    solved: false,
  });
  const at = letter.body.indexOf(REPLY);
  return { text: at < 0 ? "" : letter.body.slice(at + REPLY.length).trim(), locale };
}

export * as ReplyTemplate from "./index";
