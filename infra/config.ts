/**
 * Deploy-time settings shared by the stacks. Everything here is read when the app is synthesised
 * (`sst deploy`), not at run time.
 */

/** The stage whose data must survive a mistaken `sst remove` or a replacement of the table. */
export const PROD_STAGE = "prod";

export function isProd(stage: string): boolean {
  return stage === PROD_STAGE;
}

/** What the local runtime uses (packages/core/src/config.ts); fine for throw-away stages, which receive no real mail. */
export const DEFAULT_INBOUND_DOMAIN = "frontline.localhost";

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * The domain of the tenants' inbound addresses (`<slug>@<domain>`), from INBOUND_DOMAIN at deploy time.
 * On the prod stage it must be set: a tenant address on frontline.localhost would silently lose every customer mail.
 */
export function inboundDomain(stage: string, env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.INBOUND_DOMAIN?.trim().toLowerCase();
  if (!raw) {
    if (isProd(stage)) {
      throw new Error(
        `INBOUND_DOMAIN is not set: the "${stage}" stage needs the domain that receives the tenants' mail, ` +
          `e.g. INBOUND_DOMAIN=inbound.example.com npx sst deploy --stage ${stage}`,
      );
    }
    return DEFAULT_INBOUND_DOMAIN;
  }
  if (!DOMAIN.test(raw)) throw new Error(`INBOUND_DOMAIN must be a domain name such as inbound.example.com, got "${raw}"`);
  return raw;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Where the ops alerts go (infra/alerts.ts), from ALERT_EMAIL at deploy time: each stage may name its own. Unset, the
 * topic has no subscriber and the alarms are seen in the CloudWatch console only.
 */
export function alertEmail(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.ALERT_EMAIL?.trim();
  if (!raw) return undefined;
  if (!EMAIL.test(raw)) throw new Error(`ALERT_EMAIL must be an email address such as ops@example.com, got "${raw}"`);
  return raw;
}
