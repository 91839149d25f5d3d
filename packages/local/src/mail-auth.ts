import { promises as dns } from "node:dns";
import { authenticate, type DNSResolver } from "mailauth";
import type { Inbound } from "@frontline/core/email/inbound";

/**
 * Checking a received message's sender locally, as SES does on AWS: SPF for the connecting address and MAIL FROM,
 * DKIM signatures, and DMARC for the From domain (mailauth). Only DNS is asked (no ARC, no BIMI, which fetches logos
 * over HTTP). Checking never stops a mail: a DNS failure or any error is a "temperror" verdict, and the whole check
 * gives up after `CHECK_MS`, so the message is stored and processed either way (without a pass, a subject token
 * joins no ticket).
 */

export type { DNSResolver };
type AuthVerdict = NonNullable<Inbound.Envelope["auth"]>;

const DNS_TIMEOUT_MS = 2000;
const CHECK_MS = 5000;

/** The system's DNS, one try of 2 s per query: without a network a query fails fast and its check is a temperror. */
export function systemResolver(): DNSResolver {
  const resolver = new dns.Resolver({ timeout: DNS_TIMEOUT_MS, tries: 1 });
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[][] | string[]>;
}

export interface Connection {
  /** The client's IP address. */
  ip: string;
  /** The name it gave in EHLO/HELO. */
  helo?: string;
  /** MAIL FROM; "" for the null sender. */
  sender?: string;
}

const TEMPERROR: AuthVerdict = { spf: "temperror", dkim: "temperror", dmarc: "temperror" };

export async function checkSender(raw: Buffer, connection: Connection, resolver: DNSResolver): Promise<AuthVerdict> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<AuthVerdict>((resolve) => {
    timer = setTimeout(() => resolve(TEMPERROR), CHECK_MS);
  });
  try {
    return await Promise.race([verdictOf(raw, connection, resolver), gaveUp]);
  } catch {
    return TEMPERROR;
  } finally {
    clearTimeout(timer);
  }
}

async function verdictOf(raw: Buffer, connection: Connection, resolver: DNSResolver): Promise<AuthVerdict> {
  const result = await authenticate(raw, {
    ip: connection.ip,
    helo: connection.helo,
    sender: connection.sender || undefined,
    mta: "frontline.localhost",
    resolver,
    disableArc: true,
    disableBimi: true,
  });
  const signatures = result.dkim?.results ?? [];
  const passed = signatures.filter((s) => s.status.result === "pass");
  // mailauth's `aligned` is the From domain a passing signature aligns with (typed as a boolean).
  const aligned = passed.find((s) => s.status.aligned);
  return {
    spf: result.spf ? result.spf.status.result : "none",
    dkim: passed.length ? "pass" : (signatures[0]?.status.result ?? "none"),
    dmarc: result.dmarc ? result.dmarc.status.result : "none",
    ...(aligned ? { dkimDomain: aligned.signingDomain } : {}),
  };
}
