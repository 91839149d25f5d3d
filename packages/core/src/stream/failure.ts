import * as z from "zod";
import type { EntityItem } from "electrodb";
import { withActor } from "../actor";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { useConfig } from "../config";
import { useDynamo } from "../db/client";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { Conflict, msg, NotFound } from "../error";
import { paging, parse } from "../validation";
import type { Change } from "./change";
import type { ReactionFailureEntity } from "./failure.entity";
import type { Reaction } from "./reaction";
import { useClock } from "../port";

export type FailureRecord = EntityItem<typeof ReactionFailureEntity>;

/** A change is delivered this many times, each with a few quick tries, before its failing reaction is parked. */
export const MAX_DELIVERIES = 3;
/** A change larger than this is parked by its keys only (an item is at most 400 KB). */
const MAX_KEPT_CHARS = 300_000;
const HEALED_TTL_S = 7 * 86_400;

const tenantId = PLATFORM_TENANT_ID;
const idOf = (reaction: string, change: Change) => `${reaction}#${change.id}`;

function serialise(change: Change): string {
  const whole = JSON.stringify(change);
  if (whole.length <= MAX_KEPT_CHARS) return whole;
  const { before: _before, after: _after, ...rest } = change;
  return JSON.stringify({ ...rest, truncated: true });
}

/**
 * Counts a failed delivery of a change to a reaction. Returns "parked" once the change has failed MAX_DELIVERIES
 * times (the stream then goes on without it), "retrying" before that (the caller reports the change as failed, so
 * that it is delivered again).
 */
export async function recordFailure(reaction: string, change: Change, error: unknown, now = useClock().now()): Promise<"retrying" | "parked"> {
  const db = useDb().entities.reactionFailure;
  const failureId = idOf(reaction, change);
  const message = String((error as Error)?.stack ?? error).slice(0, 4000);
  const at = now.toISOString();
  const existing = (await db.get({ tenantId, failureId }).go({ consistent: true })).data;
  const attempts = (existing?.attempts ?? 0) + 1;
  const status = attempts >= MAX_DELIVERIES ? "parked" : "retrying";
  await db
    .put({
      tenantId,
      failureId,
      reaction,
      changeId: change.id,
      workspaceId: change.tenantId,
      entity: change.entity,
      change: existing?.change ?? serialise(change),
      attempts,
      status,
      error: message,
      firstFailedAt: existing?.firstFailedAt ?? at,
      lastFailedAt: at,
      ...(status === "retrying" ? { expiresAt: Math.floor(now.getTime() / 1000) + HEALED_TTL_S } : {}),
    })
    .go();
  console.error(JSON.stringify({ level: "error", msg: `reaction ${status === "parked" ? "parked" : "failed"}`, reaction, change: change.id, entity: change.entity, attempts, error: message.split("\n")[0] }));
  return status;
}

/** A reaction that failed earlier succeeded on redelivery: its failure record is no longer of interest. */
export async function healed(reaction: string, change: Change): Promise<void> {
  await useDb().entities.reactionFailure.delete({ tenantId, failureId: idOf(reaction, change) }).go();
}

export interface FailureInfo {
  failureId: string;
  reaction: string;
  changeId: string;
  workspaceId?: string;
  entity?: string;
  kind?: string;
  keys?: { pk: string; sk: string };
  attempts: number;
  status: FailureRecord["status"];
  error: string;
  firstFailedAt: string;
  lastFailedAt: string;
  resolvedAt?: string;
  resolvedBy?: string;
}

export function view(record: FailureRecord): FailureInfo {
  let change: Partial<Change> = {};
  try {
    change = JSON.parse(record.change) as Change;
  } catch {
    // shown without the change's details
  }
  return {
    failureId: record.failureId,
    reaction: record.reaction,
    changeId: record.changeId,
    workspaceId: record.workspaceId,
    entity: record.entity,
    kind: change.kind,
    keys: change.keys,
    attempts: record.attempts,
    status: record.status,
    error: record.error,
    firstFailedAt: record.firstFailedAt,
    lastFailedAt: record.lastFailedAt,
    resolvedAt: record.resolvedAt,
    resolvedBy: record.resolvedBy,
  };
}

export const ListSchema = z.object({
  status: z.enum(["parked", "retrying", "resolved"], { error: "Use parked, retrying or resolved" }).default("parked"),
  ...paging(50),
});

/** Failed reactions, most recent first (the operator console). */
export async function list(raw: z.input<typeof ListSchema>): Promise<{ failures: FailureInfo[]; cursor: string | null }> {
  const input = parse(ListSchema, raw);
  const list = Cursor.list("reaction-failures", input);
  const result = await useDb()
    .entities.reactionFailure.query.byStatus({ tenantId, status: input.status })
    .go({ order: "desc", limit: input.limit, cursor: await Cursor.open(tenantId, list, input.cursor) });
  return { failures: result.data.map(view), cursor: await Cursor.seal(tenantId, list, result.cursor) };
}

/**
 * Runs a parked reaction again on its change (the operator, after fixing its cause). A reaction is idempotent, so
 * running it on a change it partly handled does no harm. Success resolves the failure; a new failure is kept on it.
 */
export async function reprocess(failureId: string, reactions: readonly Reaction[], by: string): Promise<FailureInfo> {
  const db = useDb().entities.reactionFailure;
  const record = (await db.get({ tenantId, failureId }).go({ consistent: true })).data;
  if (!record) throw new NotFound("Failed reaction");
  if (record.status === "resolved") throw new Conflict("This reaction has run successfully already");
  const reaction = reactions.find((r) => r.name === record.reaction);
  if (!reaction) {
    const message = msg("No reaction is named {name} any more", { name: record.reaction });
    await db.patch({ tenantId, failureId }).set({ error: message.toString(), lastFailedAt: useClock().now().toISOString(), attempts: record.attempts + 1 }).go();
    throw new Conflict(message);
  }
  const change = JSON.parse(record.change) as Change & { truncated?: boolean };
  if (change.truncated) {
    // Kept by its keys only: react to the item as it is now.
    const current = await useDynamo().send(new GetCommand({ TableName: useConfig().tableName, Key: change.keys, ConsistentRead: true }));
    if (current.Item) change.after = current.Item;
  }
  const at = useClock().now().toISOString();
  try {
    await withActor({ type: "system", tenantId: change.tenantId ?? tenantId, reason: `reaction ${reaction.name}` }, async () => {
      if (reaction.each) await reaction.each(change);
      else await reaction.batch!([change]);
    });
  } catch (error) {
    await db
      .patch({ tenantId, failureId })
      .set({ error: String((error as Error)?.stack ?? error).slice(0, 4000), lastFailedAt: useClock().now().toISOString(), attempts: record.attempts + 1 })
      .go();
    throw new Conflict(msg("The reaction failed again: {error}", { error: String((error as Error)?.message ?? error).slice(0, 300) }));
  }
  await db.patch({ tenantId, failureId }).set({ status: "resolved", resolvedAt: at, resolvedBy: by }).remove(["expiresAt"]).go();
  return view((await db.get({ tenantId, failureId }).go({ consistent: true })).data!);
}

/**
 * Asks for a parked reaction to run again (the operator console): the failure is marked requested, and the stream's
 * handler, which has every reaction, runs it (the API that takes the request carries no reaction). Answers with the
 * failure once that is done, or as it stands after `waitMs`.
 */
export async function requestReprocess(failureId: string, by: string, waitMs = 10_000): Promise<FailureInfo> {
  const db = useDb().entities.reactionFailure;
  const record = (await db.get({ tenantId, failureId }).go({ consistent: true })).data;
  if (!record) throw new NotFound("Failed reaction");
  if (record.status === "resolved") throw new Conflict("This reaction has run successfully already");
  const at = useClock().now().toISOString();
  await db.patch({ tenantId, failureId }).set({ reprocessRequestedAt: at, reprocessRequestedBy: by }).go();
  const deadline = Date.now() + waitMs;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const current = (await db.get({ tenantId, failureId }).go({ consistent: true })).data!;
    if (current.status === "resolved") return view(current);
    if (current.lastFailedAt > at) throw new Conflict(msg("The reaction failed again: {error}", { error: current.error.split("\n")[0]!.slice(0, 300) }));
    if (Date.now() > deadline) return view(current);
  }
}

/** The handler's part of a request to run a reaction again (see requestReprocess). */
export async function runRequested(change: Change, reactions: readonly Reaction[]): Promise<void> {
  const after = change.after as FailureRecord | undefined;
  if (!after?.reprocessRequestedAt || after.reprocessRequestedAt === (change.before as FailureRecord | undefined)?.reprocessRequestedAt) return;
  if (after.status === "resolved") return;
  await reprocess(after.failureId, reactions, after.reprocessRequestedBy ?? "operator").catch((error: unknown) => {
    if (!(error instanceof Conflict)) throw error; // failed again: recorded on the failure by reprocess()
  });
}
