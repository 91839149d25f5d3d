import * as z from "zod";
import type { EntityItem } from "electrodb";
import { useStaff } from "../actor";
import { isConditionFailure } from "../db/condition";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import { NotFound } from "../error";
import { idFrom } from "../id";
import type { NotificationEntity } from "./notification.entity";
import { paging, parse } from "../validation";
import { useClock } from "../port";

export type Record = EntityItem<typeof NotificationEntity>;

export interface Info {
  notificationId: string;
  kind: string;
  ticketId?: string;
  ticketNumber?: number;
  title: string;
  body?: string;
  createdAt: string;
  readAt?: string;
}

export interface Draft {
  kind: string;
  ticketId?: string;
  ticketNumber?: number;
  title: string;
  body?: string;
}

/**
 * Puts a notification in a staff member's console inbox, under an id fixed by its cause (`seed`), so that the same
 * cause notifies once however often its reaction runs.
 */
export async function notify(tenantId: string, staffId: string, seed: string, draft: Draft, at: string): Promise<void> {
  await useDb()
    .entities.notification.create({ tenantId, staffId, notificationId: idFrom(`${seed}:${staffId}`, at), createdAt: at, ...draft })
    .go()
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}

function view(n: Record): Info {
  return {
    notificationId: n.notificationId,
    kind: n.kind,
    ticketId: n.ticketId,
    ticketNumber: n.ticketNumber,
    title: n.title,
    body: n.body,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}

export const ListSchema = z.object({
  unread: z.enum(["true", "false"]).optional(),
  ...paging(30),
});

/** The signed-in staff member's notifications, newest first, with how many are unread (of the latest 100). */
export async function mine(raw: z.input<typeof ListSchema> = {}) {
  const input = parse(ListSchema, raw);
  const { tenantId, staffId } = useStaff();
  const db = useDb().entities.notification;
  const list = Cursor.list("notifications", { ...input, staffId });
  const page = await db.query.byStaff({ tenantId, staffId }).go({ order: "desc", limit: input.limit, cursor: await Cursor.open(tenantId, list, input.cursor) });
  const latest = await db.query.byStaff({ tenantId, staffId }).go({ order: "desc", limit: 100, attributes: ["readAt"] });
  const items = input.unread === "true" ? page.data.filter((n) => !n.readAt) : page.data;
  return { notifications: items.map(view), unread: latest.data.filter((n) => !n.readAt).length, cursor: await Cursor.seal(tenantId, list, page.cursor) };
}

export async function markRead(notificationId: string): Promise<void> {
  const { tenantId, staffId } = useStaff();
  const db = useDb().entities.notification;
  const existing = await db.get({ tenantId, staffId, notificationId }).go();
  if (!existing.data) throw new NotFound("Notification");
  if (!existing.data.readAt) await db.patch({ tenantId, staffId, notificationId }).set({ readAt: useClock().now().toISOString() }).go();
}

export async function markAllRead(): Promise<number> {
  const { tenantId, staffId } = useStaff();
  const db = useDb().entities.notification;
  const latest = await db.query.byStaff({ tenantId, staffId }).go({ order: "desc", limit: 100 });
  const unread = latest.data.filter((n) => !n.readAt);
  const at = useClock().now().toISOString();
  await Promise.all(unread.map((n) => db.patch({ tenantId, staffId, notificationId: n.notificationId }).set({ readAt: at }).go()));
  return unread.length;
}

export * as Preferences from "./preferences";
export * as Follow from "./follow";

export * as Notification from "./index";
