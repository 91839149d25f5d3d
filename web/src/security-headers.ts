/**
 * The headers every page of the web app is served with: on AWS by CloudFront's response headers policy (infra/web.ts),
 * locally by the runtime's server (packages/local/src/server.ts). Not part of the app's bundle: plain constants, so
 * that both can import them.
 *
 * The policy allows what the app loads and nothing else: its own scripts and stylesheets (Vite emits files, nothing
 * inline), images from itself and data: URLs (the favicon), requests to its own /api, and frames of its own /api
 * (a mail's sanitised HTML, which carries its own stricter policy). No plugin, no <base>, no framing of the console.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Referrer: the full URL to the app's own origin only; a link out of the app (in a mail, an article) tells the other
 * site nothing, not even which ticket it was on.
 */
export const REFERRER_POLICY = "same-origin";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": REFERRER_POLICY,
};
