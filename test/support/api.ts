import { useDb } from "@frontline/core/db";
import { Workspace as WorkspaceConfig } from "@frontline/core/workspace";
import { makeSignup } from "./factories";

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface Caller {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** A tiny JSON client over any fetch-like function (Hono's app.request, or fetch against a running server). */
export function caller(fetcher: Fetch, defaults: Record<string, string> = {}): Caller {
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetcher(path, {
      method,
      headers: { ...defaults, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    send,
    get: (path, headers) => send("GET", path, undefined, headers),
    post: (path, body, headers) => send("POST", path, body, headers),
  };
}

export interface Workspace {
  slug: string;
  email: string;
  password: string;
  token: string;
  csrfToken: string;
  staffId: string;
  /** Calls as the workspace's owner with a Bearer token. */
  as: Caller;
}

/**
 * Signs up a workspace through the API and returns its owner's credentials. The workspace is then moved to the Pro plan
 * through the core (tests run the API in-process), unless a test about limits asks for Standard.
 */
export async function signupVia(fetcher: Fetch, overrides = {}, options: { plan?: "standard" | "pro" } = {}): Promise<Workspace> {
  const input = makeSignup(overrides);
  const response = await caller(fetcher).post("/api/signup", input);
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${await response.text()}`);
  if ((options.plan ?? "pro") !== "standard") {
    await useDb().entities.tenant.patch({ tenantId: input.slug }).set({ planId: options.plan ?? "pro" }).go();
    WorkspaceConfig.changed(input.slug); // what the stream tells every process; the API runs in this one
  }
  const body = (await response.json()) as { token: string; csrfToken: string; staff: { staffId: string } };
  return {
    slug: input.slug,
    email: input.email,
    password: input.password,
    token: body.token,
    csrfToken: body.csrfToken,
    staffId: body.staff.staffId,
    as: caller(fetcher, { authorization: `Bearer ${body.token}` }),
  };
}
