import { Liquid } from "liquidjs";
import * as z from "zod";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Invalid, msg } from "../error";
import { Event } from "../event";
import { parse } from "../validation";
import { Workspace } from "../workspace";
import { useClock } from "../port";
import { Locales, localeOf, wording, type Locale } from "../locale";

/**
 * The letters customers get: the default wording in each language, a tenant's own wording where an admin wrote one,
 * rendered with Liquid. Templates are an admin's input, so rendering is bounded (time, size) and sees only the
 * variables given here.
 */

export const LetterKinds = ["ticket_received", "agent_reply", "ticket_solved"] as const;
export type LetterKind = (typeof LetterKinds)[number];
export const LetterLocales = Locales;
export type LetterLocale = Locale;

export interface Template {
  subject: string;
  body: string;
}

export interface LetterVariables {
  workspace: { name: string };
  customer: { name: string; email?: string };
  ticket: { number: number; subject: string; status: string };
  agent?: { name: string };
  /** The agent's reply, for agent_reply. */
  message?: string;
  /** The reply also solved the ticket. */
  solved?: boolean;
}

/** The default wording of each letter in each language (packages/core/src/locale). */
export const Defaults: Record<LetterKind, Record<LetterLocale, Template>> = Object.fromEntries(
  LetterKinds.map((kind) => [kind, Object.fromEntries(LetterLocales.map((locale) => [locale, wording[locale].letters[kind]]))]),
) as Record<LetterKind, Record<LetterLocale, Template>>;

const engine = new Liquid({
  ownPropertyOnly: true,
  strictFilters: true,
  parseLimit: 20_000,
  // Wall time for one render: a letter takes a few milliseconds, so a second leaves room for a machine under load
  // (a busy Lambda, a test run on two cores) while a runaway loop is still cut short.
  renderLimit: 1_000,
  memoryLimit: 2_000_000,
});

export class TemplateError extends Error {
  override readonly name = "TemplateError";
}

/** Parsed templates by their text: every letter of a kind is rendered from the same few templates. */
const parsed = new Map<string, ReturnType<typeof engine.parse>>();
function parsedOf(text: string) {
  let template = parsed.get(text);
  if (!template) {
    template = engine.parse(text);
    if (parsed.size >= 500) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, template);
  }
  return template;
}

/** Renders a template; a broken or runaway template is a TemplateError (the caller falls back to the default). */
export async function renderTemplate(template: Template, variables: LetterVariables, locale: LetterLocale = "en"): Promise<Template> {
  const scope = { ...variables, reply_marker: wording[locale].replyMarker };
  try {
    const [subject, body] = await Promise.all([engine.render(parsedOf(template.subject), scope), engine.render(parsedOf(template.body), scope)]);
    return { subject: subject.replace(/\s+/g, " ").trim(), body: body.replace(/\n{3,}/g, "\n\n").trim() };
  } catch (error) {
    throw new TemplateError((error as Error).message);
  }
}

/** Checks that a template parses (for the admin who edits it). */
export function checkTemplate(template: Template): string | undefined {
  try {
    engine.parse(template.subject);
    engine.parse(template.body);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export { localeOf };

/** The tenant's template for a letter, or the default. */
export async function templateFor(tenantId: string, kind: LetterKind, locale: LetterLocale): Promise<Template> {
  const own = { data: (await Workspace.config(tenantId)).letters.find((l) => l.kind === kind && l.locale === locale) };
  return own.data ? { subject: own.data.subject, body: own.data.body } : Defaults[kind][locale];
}

/** Renders the tenant's letter, falling back to the default wording if the tenant's template fails. */
export async function render(tenantId: string, kind: LetterKind, locale: LetterLocale, variables: LetterVariables): Promise<Template> {
  const template = await templateFor(tenantId, kind, locale);
  try {
    return await renderTemplate(template, variables, locale);
  } catch (error) {
    if (template === Defaults[kind][locale]) throw error;
    return renderTemplate(Defaults[kind][locale], variables, locale);
  }
}

/** Our reply marker, in any language. */
const isReplyMarker = (line: string) => Locales.some((l) => wording[l].replyMarker === line);

/** A plain-text letter as simple HTML: escaped, paragraphs and line breaks, the reply marker greyed. */
export function textToHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const paragraphs = text.split(/\n{2,}/).map((block) => {
    if (isReplyMarker(block.trim())) return `<p style="color:#9ca3af;font-size:12px">${escape(block.trim())}</p>`;
    return `<p>${escape(block).replace(/\n/g, "<br>")}</p>`;
  });
  return `<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#111827">${paragraphs.join("\n")}</body></html>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Admins edit the letters

export interface LetterInfo {
  kind: LetterKind;
  locale: LetterLocale;
  subject: string;
  body: string;
  /** The tenant wrote its own wording (otherwise this is the default). */
  custom: boolean;
  default: Template;
  updatedAt?: string;
  updatedBy?: string;
}

export const TemplateSchema = z
  .object({
    subject: z.string().trim().min(1, "Enter a subject").max(300),
    body: z.string().trim().min(1, "Enter the letter").max(20_000),
  })
  .strict();

export const KindSchema = z.enum(LetterKinds);
export const LocaleSchema = z.enum(LetterLocales);

export async function list(): Promise<LetterInfo[]> {
  const tenantId = useTenantId();
  const own = await useDb().entities.letter.query.byKind({ tenantId }).go({ pages: "all" });
  const byKey = new Map(own.data.map((l) => [`${l.kind}/${l.locale}`, l]));
  return LetterKinds.flatMap((kind) =>
    LetterLocales.map((locale) => {
      const custom = byKey.get(`${kind}/${locale}`);
      return {
        kind,
        locale,
        subject: custom?.subject ?? Defaults[kind][locale].subject,
        body: custom?.body ?? Defaults[kind][locale].body,
        custom: Boolean(custom),
        default: Defaults[kind][locale],
        updatedAt: custom?.updatedAt,
        updatedBy: custom?.updatedBy,
      };
    }),
  );
}

/** Saves a tenant's wording of a letter (admins); a template that does not parse is refused with the parser's message. */
export async function save(kind: string, locale: string, raw: z.input<typeof TemplateSchema>): Promise<LetterInfo> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const k = parse(KindSchema, kind);
  const l = parse(LocaleSchema, locale);
  const input = parse(TemplateSchema, raw);
  const problem = checkTemplate(input);
  if (problem) throw Invalid.field("body", "template", msg("The template does not parse: {problem}", { problem }));
  const tenantId = useTenantId();
  const before = await templateFor(tenantId, k, l);
  const by = Event.actorOf(actor);
  await transact((entities) => [
    entities.letter.put({ tenantId, kind: k, locale: l, subject: input.subject, body: input.body, updatedAt: useClock().now().toISOString(), updatedBy: by.name }).commit(),
    Event.write(entities, actor, { action: "letter.update", target: { type: "letter", id: `${k}/${l}`, label: `${k} (${l})` }, before, after: input }),
  ]);
  Workspace.changed(tenantId);
  return (await list()).find((x) => x.kind === k && x.locale === l)!;
}

/** Goes back to the default wording (admins). */
export async function reset(kind: string, locale: string): Promise<LetterInfo> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const k = parse(KindSchema, kind);
  const l = parse(LocaleSchema, locale);
  const tenantId = useTenantId();
  await transact((entities) => [
    entities.letter.delete({ tenantId, kind: k, locale: l }).commit(),
    Event.write(entities, actor, { action: "letter.reset", target: { type: "letter", id: `${k}/${l}`, label: `${k} (${l})` } }),
  ]);
  Workspace.changed(tenantId);
  return (await list()).find((x) => x.kind === k && x.locale === l)!;
}

/** Renders a template (saved or not) with sample values, for the editor's preview. */
export async function preview(kind: string, locale: string, raw: z.input<typeof TemplateSchema>): Promise<Template> {
  const k = parse(KindSchema, kind);
  const l = parse(LocaleSchema, locale);
  const input = parse(TemplateSchema, raw);
  const tenant = await useDb().entities.tenant.get({ tenantId: useTenantId() }).go({ attributes: ["name"] });
  try {
    const sample = wording[l].sample;
    return await renderTemplate(
      input,
      {
        workspace: { name: tenant.data?.name ?? sample.workspace },
        customer: { name: sample.customer, email: "anna@example.com" },
        ticket: { number: 1042, subject: sample.subject, status: "open" },
        agent: { name: Event.actorOf(usePrincipal()).name },
        message: sample.message,
        solved: k === "ticket_solved",
      },
      l,
    );
  } catch (error) {
    throw Invalid.field("body", "template", msg("The template does not render: {problem}", { problem: (error as Error).message }));
  }
}
