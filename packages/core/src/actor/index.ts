import { AsyncLocalStorage } from "node:async_hooks";
import { Forbidden, Unauthenticated } from "../error";
import type { Role } from "../staff/role";

/**
 * Who is acting. Set once by the auth layer (API middleware, inbound-mail router, timer target) and read by the core;
 * the tenant id is never taken from request input.
 */
export type Actor =
  | { type: "public" }
  | {
      type: "staff";
      tenantId: string;
      staffId: string;
      role: Role;
      name: string;
      /** Departments granted to this staff member, as read when the request was authenticated. */
      departmentIds: string[];
      sessionId: string;
      /** The workspace is suspended (balance): staff may read, not change. */
      suspended?: boolean;
    }
  | { type: "system"; tenantId: string; reason: string };

const storage = new AsyncLocalStorage<Actor>();

export function withActor<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}

export function useActor(): Actor {
  return storage.getStore() ?? { type: "public" };
}

/** The tenant of the current actor; throws if the caller acts for no tenant. */
export function useTenantId(): string {
  const actor = useActor();
  if (actor.type === "public") throw new Unauthenticated();
  return actor.tenantId;
}

export function useStaff(): Extract<Actor, { type: "staff" }> {
  const actor = useActor();
  if (actor.type !== "staff") throw actor.type === "public" ? new Unauthenticated() : new Forbidden("Staff only");
  return actor;
}


/** The staff member or system process acting inside a tenant; a signed-out caller is Unauthenticated. */
export function usePrincipal(): Exclude<Actor, { type: "public" }> {
  const actor = useActor();
  if (actor.type === "public") throw new Unauthenticated();
  return actor;
}
