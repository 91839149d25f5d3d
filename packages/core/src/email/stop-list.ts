import * as z from "zod";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { guarded, transact } from "../db/transaction";
import { Workspace } from "../workspace";
import { useDb } from "../db/service";
import { Conflict, msg, NotFound } from "../error";
import { Event } from "../event";
import { parse } from "../validation";
import { useClock } from "../port";

/** Addresses and domains whose mail a tenant records and otherwise ignores. */

export interface Entry {
  value: string;
  note?: string;
  createdAt: string;
  createdBy: string;
}

export const AddSchema = z
  .object({
    value: z
      .string({ error: "Enter an address or a domain" })
      .trim()
      .toLowerCase()
      .regex(
        /^(?:[^\s@<>()",;:\\[\]]+@)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
        "Enter an address (name@example.com) or a domain (example.com)",
      ),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export async function list(): Promise<Entry[]> {
  const result = await useDb().entities.stopEntry.query.byValue({ tenantId: useTenantId() }).go({ pages: "all" });
  return result.data.map(({ value, note, createdAt, createdBy }) => ({ value, note, createdAt, createdBy }));
}

export async function add(raw: z.input<typeof AddSchema>): Promise<Entry> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(AddSchema, raw);
  const tenantId = useTenantId();
  const entry = { value: input.value, note: input.note, createdAt: useClock().now().toISOString(), createdBy: Event.actorOf(actor).name };
  await transact((entities) => [
    guarded(entities.stopEntry.create({ tenantId, ...entry }).commit(), () =>
      new Conflict(msg("{value} is already on the stop list", { value: input.value }), [{ path: "value", code: "taken", message: "Already on the stop list" }]),
    ),
    Event.write(entities, actor, { action: "stoplist.add", target: { type: "stoplist", id: input.value, label: input.value }, after: { note: input.note ?? null } }),
  ]);
  Workspace.changed(tenantId);
  return entry;
}

export async function remove(value: string): Promise<void> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const normalised = value.trim().toLowerCase();
  const existing = await useDb().entities.stopEntry.get({ tenantId, value: normalised }).go();
  if (!existing.data) throw new NotFound("Stop list entry");
  await transact((entities) => [
    entities.stopEntry.delete({ tenantId, value: normalised }).commit(),
    Event.write(entities, actor, { action: "stoplist.remove", target: { type: "stoplist", id: normalised, label: normalised } }),
  ]);
  Workspace.changed(tenantId);
}

/** The entry that stops mail from `address` (the address itself, or its domain or a parent domain), if any. */
export async function match(address: string): Promise<string | undefined> {
  const tenantId = useTenantId();
  const domain = address.slice(address.lastIndexOf("@") + 1);
  const labels = domain.split(".");
  const candidates = [address, ...labels.slice(0, -1).map((_, i) => labels.slice(i).join("."))];
  const entries = new Set((await Workspace.config(tenantId)).stopList.map((e) => e.value));
  return candidates.find((value) => entries.has(value));
}

export * as StopList from "./stop-list";
