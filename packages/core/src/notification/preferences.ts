import * as z from "zod";
import { useStaff } from "../actor";
import { useDb } from "../db/service";
import { parse } from "../validation";

/**
 * The kinds of notification a staff member can switch, each in the bell and by mail: a ticket assigned to them, a new
 * or moved ticket in their department's unassigned queue, a customer's reply on their ticket, a colleague's @mention
 * in a note, a change of a ticket they follow, an SLA warning or breach.
 */
export const Kinds = ["assigned", "queue", "reply", "mention", "follow", "sla"] as const;
export type Kind = (typeof Kinds)[number];

export interface Channels {
  bell: boolean;
  mail: boolean;
}
export type Preferences = { [K in Kind]: Channels };

/** Until a person chooses: everything rings the bell; mail for what is theirs to act on now. */
export const Defaults: Preferences = {
  assigned: { bell: true, mail: true },
  queue: { bell: true, mail: false },
  reply: { bell: true, mail: false },
  mention: { bell: true, mail: true },
  follow: { bell: true, mail: false },
  sla: { bell: true, mail: true },
};

const ChannelsSchema = z.object({ bell: z.boolean(), mail: z.boolean() }).strict();

/** PUT /api/notifications/preferences: the kinds to change (the others keep what they were). */
export const PreferencesSchema = z
  .object({ preferences: z.object(Object.fromEntries(Kinds.map((kind) => [kind, ChannelsSchema.optional()])) as { [K in Kind]: z.ZodOptional<typeof ChannelsSchema> }).strict() })
  .strict();

/** Stored channels over the defaults: a kind added later starts at its default, a kind dropped is forgotten. */
function withDefaults(stored: unknown): Preferences {
  const saved = (stored ?? {}) as Partial<Record<string, Partial<Channels>>>;
  return Object.fromEntries(
    Kinds.map((kind) => [kind, { bell: saved[kind]?.bell ?? Defaults[kind].bell, mail: saved[kind]?.mail ?? Defaults[kind].mail }]),
  ) as Preferences;
}

/** A staff member's preferences (for the reactions that notify them). */
export async function of(tenantId: string, staffId: string): Promise<Preferences> {
  const found = await useDb().entities.notificationPreference.get({ tenantId, staffId }).go({ attributes: ["channels"] });
  return withDefaults(found.data?.channels);
}

/** The signed-in staff member's own preferences. */
export async function mine(): Promise<Preferences> {
  const { tenantId, staffId } = useStaff();
  return of(tenantId, staffId);
}

/** Changes the signed-in staff member's own preferences; the kinds not given keep theirs. */
export async function save(raw: z.input<typeof PreferencesSchema>): Promise<Preferences> {
  const input = parse(PreferencesSchema, raw);
  const { tenantId, staffId } = useStaff();
  const channels = { ...(await of(tenantId, staffId)), ...input.preferences };
  await useDb().entities.notificationPreference.put({ tenantId, staffId, channels }).go();
  return withDefaults(channels);
}
