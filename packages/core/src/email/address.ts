import { useConfig } from "../config";
import { addressPartOf } from "../locale/latin";

/**
 * Addresses and header values. Everything that reaches a header of an outgoing mail goes through `headerText` (no
 * line breaks of any kind, no control characters), so no input can add a header or a recipient.
 */

/** CR, LF, NEL, the Unicode line and paragraph separators, and every other control character. */
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function headerText(value: string, max = 200): string {
  return value.replace(BREAKS_AND_CONTROLS, " ").replace(/\s+/g, " ").trim().slice(0, max);
}

/** A display name safe to put in a From or To header (the composer quotes and encodes it). */
export function displayName(value: string): string {
  return headerText(value, 100).replace(/["<>\\]/g, "");
}

const ADDRESS = /^[^\s@<>()",;:\\[\]]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** A bare, lower-cased address, or undefined if it is not one. */
export function normaliseAddress(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim().replace(/^<|>$/g, "").toLowerCase();
  return ADDRESS.test(trimmed) && trimmed.length <= 254 ? trimmed : undefined;
}

export interface InboundRecipient {
  tenantId: string;
  /** What follows "+" in the local part: a reply token or a department's address name. */
  tag?: string;
}

/** `<slug>@<inbound domain>` or `<slug>+<tag>@<inbound domain>` → the tenant and the tag; anything else undefined. */
export function parseInboundRecipient(address: string): InboundRecipient | undefined {
  const normalised = normaliseAddress(address);
  if (!normalised) return undefined;
  const at = normalised.lastIndexOf("@");
  const domain = normalised.slice(at + 1);
  if (domain !== useConfig().inboundDomain) return undefined;
  const local = normalised.slice(0, at);
  const plus = local.indexOf("+");
  const tenantId = plus < 0 ? local : local.slice(0, plus);
  const tag = plus < 0 ? undefined : local.slice(plus + 1);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tenantId)) return undefined;
  return { tenantId, tag: tag || undefined };
}

export function inboundAddress(tenantId: string, tag?: string): string {
  return `${tenantId}${tag ? `+${tag}` : ""}@${useConfig().inboundDomain}`;
}

/**
 * The plus address a department has until an admin chooses one: its name in Latin letters ("Payments & Refunds" →
 * "payments-refunds", "Оплата" → "oplata", "Шағымдар" → "shagymdar").
 */
export function departmentTag(name: string): string {
  return addressPartOf(name);
}

/** Senders that are machines and must never get an answer. */
export function isRobotSender(address: string | undefined): boolean {
  if (!address) return true;
  const local = address.slice(0, address.indexOf("@"));
  return /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|notifications?-noreply)(\+.*)?$/i.test(local);
}
