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

/** CloudFront takes certificates from ACM in us-east-1 only, whatever the app's region. */
export const CLOUDFRONT_CERTIFICATE_REGION = "us-east-1";

const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]+$/;
const ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/**
 * The stage's own names, which put the site (and the API behind it) on TLS 1.2 at least: CloudFront's default
 * certificate (*.cloudfront.net) cannot have a security policy above TLSv1 (README, "Deploy to AWS").
 */
export interface CustomDomain {
  /** The site's name, CloudFront's alias, and its ACM certificate (in us-east-1, where CloudFront takes them from). */
  web: { domain: string; certificateArn: string };
  /**
   * The API's own name, which CloudFront uses as the origin of /api/* once the API's execute-api URL is off, and its
   * ACM certificate in the app's region (API Gateway takes them from its own region).
   */
  api: { domain: string; certificateArn: string };
  /** The Route 53 hosted zone to publish both names in; without it, the stack's outputs say what to publish. */
  zone?: { id: string; name: string };
}

/**
 * The custom domain, from the deploy environment, or undefined when WEB_DOMAIN is not set (the site then stays on
 * *.cloudfront.net, and the stack says so):
 *   WEB_DOMAIN            the site's name, e.g. help.example.com
 *   WEB_CERTIFICATE_ARN   an ACM certificate in us-east-1 covering it
 *   API_DOMAIN            the API's own name (api.<WEB_DOMAIN> unless set); only CloudFront calls it
 *   API_CERTIFICATE_ARN   an ACM certificate in the app's region covering it (WEB_CERTIFICATE_ARN by default when the
 *                         app is in us-east-1: one certificate naming both)
 *   HOSTED_ZONE_ID, HOSTED_ZONE_NAME   optional, together: the Route 53 zone holding both names, for the alias records
 */
export function customDomain(region: string, env: NodeJS.ProcessEnv = process.env): CustomDomain | undefined {
  const read = (name: string) => env[name]?.trim() || undefined;
  const webDomain = read("WEB_DOMAIN")?.toLowerCase();
  if (!webDomain) {
    const orphans = ["WEB_CERTIFICATE_ARN", "API_DOMAIN", "API_CERTIFICATE_ARN", "HOSTED_ZONE_ID", "HOSTED_ZONE_NAME"].filter(read);
    if (orphans.length) throw new Error(`${orphans.join(", ")} set without WEB_DOMAIN: set the site's domain too, or none of them`);
    return undefined;
  }
  const domain = (name: string, value: string) => {
    if (!DOMAIN.test(value)) throw new Error(`${name} must be a domain name such as help.example.com, got "${value}"`);
    return value;
  };
  const certificate = (name: string, value: string | undefined, where: string, why: string) => {
    if (!value) throw new Error(`${name} is not set: ${why}`);
    const match = CERTIFICATE_ARN.exec(value);
    if (!match) throw new Error(`${name} must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>), got "${value}"`);
    if (match[1] !== where) throw new Error(`${name} must be a certificate in ${where} (${why}), got one in ${match[1]}`);
    return value;
  };
  const web = {
    domain: domain("WEB_DOMAIN", webDomain),
    certificateArn: certificate("WEB_CERTIFICATE_ARN", read("WEB_CERTIFICATE_ARN"), CLOUDFRONT_CERTIFICATE_REGION, "CloudFront takes its certificates from ACM in us-east-1"),
  };
  const apiDomain = domain("API_DOMAIN", read("API_DOMAIN")?.toLowerCase() ?? `api.${web.domain}`);
  if (apiDomain === web.domain) throw new Error(`API_DOMAIN must differ from WEB_DOMAIN: CloudFront answers on ${web.domain}, and reaches the API on its own name`);
  const api = {
    domain: apiDomain,
    certificateArn: certificate(
      "API_CERTIFICATE_ARN",
      read("API_CERTIFICATE_ARN") ?? (region === CLOUDFRONT_CERTIFICATE_REGION ? web.certificateArn : undefined),
      region,
      `API Gateway takes its certificates from the app's region, ${region}`,
    ),
  };
  const zoneId = read("HOSTED_ZONE_ID");
  const zoneName = read("HOSTED_ZONE_NAME")?.toLowerCase().replace(/\.$/, "");
  if (!zoneId !== !zoneName) throw new Error("HOSTED_ZONE_ID and HOSTED_ZONE_NAME go together: the Route 53 zone's id and its domain");
  if (!zoneId || !zoneName) return { web, api };
  if (!ZONE_ID.test(zoneId)) throw new Error(`HOSTED_ZONE_ID must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ, got "${zoneId}"`);
  for (const [name, value] of [["WEB_DOMAIN", web.domain], ["API_DOMAIN", api.domain]] as const) {
    if (value !== zoneName && !value.endsWith(`.${domain("HOSTED_ZONE_NAME", zoneName)}`)) {
      throw new Error(`${name} ${value} is not in the hosted zone ${zoneName}`);
    }
  }
  return { web, api, zone: { id: zoneId, name: zoneName } };
}
