import { beforeAll, describe, expect, it } from "vitest";
import { Auth } from "@frontline/core/auth";
import { createApp } from "../src/api/app";
import { useTestTable } from "../../test/support/db";
import { signupVia, type Fetch, type Workspace } from "../../test/support/api";

beforeAll(useTestTable);

/**
 * Sign-in's device cookie (core/auth/device.ts), through the HTTP API: a guesser who knows a workspace and an email
 * and spends the account's budget from many addresses keeps out new devices, not the people on the devices they
 * signed in from before.
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
const { perAccount, perAccountAndSource, perDevice } = Auth.Throttle.Limits;

interface Attempt {
  password: string;
  /** The address as API Gateway gives it to the Lambda adapter. */
  ip: string;
  device?: string;
  https?: boolean;
}

async function login(who: Pick<Workspace, "slug" | "email">, { password, ip, device, https }: Attempt): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", ...(device ? { cookie: `fl_device=${device}` } : {}) };
  return app.request(
    `${https ? "https://console.example" : ""}/api/auth/login`,
    { method: "POST", headers, body: JSON.stringify({ slug: who.slug, email: who.email, password }) },
    { event: { requestContext: { http: { sourceIp: ip } } } },
  );
}

function deviceCookieLine(response: Response): string | undefined {
  return response.headers.getSetCookie().find((line) => line.startsWith("fl_device="));
}

function deviceOf(response: Response): string {
  const line = deviceCookieLine(response);
  if (!line) throw new Error(`no device cookie in a ${response.status} answer`);
  return line.slice("fl_device=".length).split(";")[0]!;
}

/** Signs in as the workspace's owner and returns the device cookie that sign-in left. */
async function knownDevice(ws: Workspace, ip: string, device?: string): Promise<string> {
  const response = await login(ws, { password: ws.password, ip, device });
  expect(response.status).toBe(200);
  return deviceOf(response);
}

/** A guesser spends the account's budget from `sources` addresses, `perAccountAndSource` guesses each, all at once. */
async function exhaustAccount(ws: Workspace, net: string): Promise<void> {
  const sources = Array.from({ length: Math.ceil(perAccount / perAccountAndSource) + 1 }, (_, s) => `${net}.${s + 1}`);
  const statuses = await Promise.all(
    sources.flatMap((ip) => Array.from({ length: perAccountAndSource }, (_, i) => login(ws, { password: `guess ${i}`, ip }).then((r) => r.status))),
  );
  expect(statuses.filter((s) => s === 401)).toHaveLength(perAccount);
}

describe("sign-in's device cookie", () => {
  it("is set by a successful sign-in only: signed, HttpOnly, SameSite=Strict, sent to sign-in alone, for 90 days; Secure over https", async () => {
    const ws = await signupVia(fetcher);
    expect(deviceCookieLine(await login(ws, { password: "not it", ip: "198.51.100.1" }))).toBeUndefined();

    const plain = await login(ws, { password: ws.password, ip: "198.51.100.1" });
    expect(plain.status).toBe(200);
    const line = deviceCookieLine(plain)!;
    expect(line).toMatch(/^fl_device=fld\.[0-9A-Z]{26}\.\d+\.[A-Za-z0-9_-]{43}; Path=\/api\/auth\/login; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const days = (Date.parse(/Expires=([^;]+)/.exec(line)![1]!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    // Not in the body: only the browser keeps it, out of the page's reach.
    expect(JSON.stringify(await plain.json())).not.toContain(deviceOf(plain));

    const secure = await login(ws, { password: ws.password, ip: "198.51.100.1", https: true });
    expect(deviceCookieLine(secure)).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
  });

  it("lets the owner in on a device they used before while a guesser from many addresses has spent the account's budget", async () => {
    const ws = await signupVia(fetcher);
    const device = await knownDevice(ws, "198.51.100.10");
    await exhaustAccount(ws, "203.0.113");

    // A new device is kept out for the window, whatever its address: that is the account's limit at work.
    const newDevice = await login(ws, { password: ws.password, ip: "198.51.100.11" });
    expect(newDevice.status).toBe(429);
    expect(Number(newDevice.headers.get("retry-after"))).toBeGreaterThan(800);

    // The known device gets in, from anywhere, even from an address whose own budget the guesser spent.
    const owner = await login(ws, { password: ws.password, ip: "198.51.100.12", device });
    expect(owner.status).toBe(200);
    expect((await login(ws, { password: ws.password, ip: "203.0.113.1", device: deviceOf(owner) })).status).toBe(200);
  });

  it("gives no way around the limits with a forged, altered, expired or another account's cookie", async () => {
    const [ws, other] = await Promise.all([signupVia(fetcher), signupVia(fetcher)]);
    const device = await knownDevice(ws, "198.51.100.20");
    const othersDevice = await knownDevice(other, "198.51.100.20");
    await exhaustAccount(ws, "203.0.114");

    const [, id, issued, mac] = device.split(".") as [string, string, string, string];
    const flip = (text: string) => (text[0] === "A" ? "B" : "A") + text.slice(1);
    const expired = await Auth.Device.remember(undefined, ws.slug, ws.email, new Date(Date.now() - 91 * 86_400_000));
    const refused = {
      "another workspace's owner's": othersDevice,
      "an altered MAC": `fld.${id}.${issued}.${flip(mac)}`,
      "another id under the same MAC": `fld.${flip(id)}.${issued}.${mac}`,
      "a later issue time under the same MAC": `fld.${id}.${Number(issued) + 1}.${mac}`,
      "a made-up": `fld.01J00000000000000000000000.${issued}.${"A".repeat(43)}`,
      "an expired (91 days)": expired.value,
      "a garbage": "nonsense",
    };
    for (const [what, cookie] of Object.entries(refused)) {
      expect((await login(ws, { password: ws.password, ip: "198.51.100.21", device: cookie })).status, `${what} cookie`).toBe(429);
    }
    expect((await login(ws, { password: ws.password, ip: "198.51.100.21", device })).status).toBe(200);
  });

  it("counts a known device's attempts on that device alone, wrong passwords included, 10 a window", async () => {
    const ws = await signupVia(fetcher);
    const ip = "198.51.100.30";
    const device = await knownDevice(ws, ip);

    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => login(ws, { password: `typo ${i}`, ip, device })));
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(perDevice);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - perDevice);
    expect((await login(ws, { password: ws.password, ip, device })).status).toBe(429);

    // None of them counted on the account or on the address: the same person without the cookie, from the same
    // address, still has the budget of a new device there (5), which ten counted failures would have spent.
    expect((await login(ws, { password: ws.password, ip })).status).toBe(200);
  });

  it("remembers one browser for several accounts", async () => {
    const [first, second] = await Promise.all([signupVia(fetcher), signupVia(fetcher)]);
    const ip = "198.51.100.40";
    const both = await knownDevice(second, ip, await knownDevice(first, ip));
    expect(both.split("~")).toHaveLength(2);
    await exhaustAccount(first, "203.0.115");
    expect((await login(first, { password: first.password, ip, device: both })).status).toBe(200);
  });
});
