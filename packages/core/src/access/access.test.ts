import { describe, expect, it } from "vitest";
import type { Role } from "../staff/role";
import { Access, type Principal } from "./index";

/**
 * Every access rule, per role and action. Each staff member below works department "d1" only (roles that see all
 * departments ignore that); tickets are in d1 ("theirs"), in d2 ("elsewhere"), or in the trash.
 */
const staff = (role: Role): Principal => ({
  type: "staff",
  tenantId: "t",
  staffId: `${role}-1`,
  role,
  name: role,
  departmentIds: ["d1"],
  sessionId: "s",
});

const inD1 = { departmentId: "d1" };
const inD2 = { departmentId: "d2" };
const trashed = { departmentId: "d1", deletedAt: "2026-01-01T00:00:00Z" };

type Row = [Role, Access.TicketAction, typeof inD1, boolean];
const Y = true;
const N = false;

// prettier-ignore
const rules: Row[] = [
  // role          action      ticket   allowed
  ["owner",       "view",     inD2,    Y], ["owner",       "redirect", inD2,    Y], ["owner",       "purge",    trashed, Y],
  ["owner",       "restore",  trashed, Y], ["owner",       "view",     trashed, Y], ["owner",       "delete",   inD2,    Y],
  ["admin",       "view",     inD2,    Y], ["admin",       "assign",   inD2,    Y], ["admin",       "purge",    trashed, Y],
  ["admin",       "restore",  trashed, Y], ["admin",       "purge",    inD1,    N],
  ["dispatcher",  "view",     inD2,    Y], ["dispatcher",  "work",     inD2,    Y], ["dispatcher",  "assign",   inD2,    Y],
  ["dispatcher",  "redirect", inD2,    Y], ["dispatcher",  "delete",   inD2,    Y], ["dispatcher",  "restore",  trashed, N],
  ["dispatcher",  "view",     trashed, N], ["dispatcher",  "purge",    trashed, N],
  ["supervisor",  "view",     inD1,    Y], ["supervisor",  "view",     inD2,    N], ["supervisor",  "assign",   inD1,    Y],
  ["supervisor",  "assign",   inD2,    N], ["supervisor",  "redirect", inD1,    Y], ["supervisor",  "redirect", inD2,    N],
  ["supervisor",  "delete",   inD1,    Y], ["supervisor",  "restore",  trashed, N], ["supervisor",  "view",     trashed, N],
  ["agent",       "view",     inD1,    Y], ["agent",       "work",     inD1,    Y], ["agent",       "take",     inD1,    Y],
  ["agent",       "view",     inD2,    N], ["agent",       "work",     inD2,    N], ["agent",       "take",     inD2,    N],
  ["agent",       "assign",   inD1,    N], ["agent",       "redirect", inD1,    N], ["agent",       "delete",   inD1,    N],
  ["agent",       "restore",  trashed, N], ["agent",       "work",     trashed, N],
];

describe("ticket rights, per role and action", () => {
  for (const [role, action, ticket, allowed] of rules) {
    const where = ticket === inD1 ? "their department" : ticket === inD2 ? "another department" : "the trash";
    it(`${role} ${allowed ? "may" : "may not"} ${action} a ticket in ${where}`, () => {
      expect(Access.can(staff(role), action, ticket)).toBe(allowed);
    });
  }
});

describe("assignment", () => {
  const agent = staff("agent");
  it("lets an agent take an unassigned ticket, keep their own and give it back", () => {
    expect(Access.canAssign(agent, { departmentId: "d1" }, "agent-1")).toBe(true);
    expect(Access.canAssign(agent, { departmentId: "d1", assigneeId: "agent-1" }, null)).toBe(true);
  });
  it("does not let an agent take a colleague's ticket or hand tickets to others", () => {
    expect(Access.canAssign(agent, { departmentId: "d1", assigneeId: "someone" }, "agent-1")).toBe(false);
    expect(Access.canAssign(agent, { departmentId: "d1" }, "someone")).toBe(false);
    expect(Access.canAssign(agent, { departmentId: "d1", assigneeId: "someone" }, null)).toBe(false);
    expect(Access.canAssign(agent, { departmentId: "d2" }, "agent-1")).toBe(false);
  });
  it("lets dispatchers and supervisors (in their departments) assign anyone", () => {
    expect(Access.canAssign(staff("dispatcher"), { departmentId: "d2", assigneeId: "x" }, "y")).toBe(true);
    expect(Access.canAssign(staff("supervisor"), { departmentId: "d1", assigneeId: "x" }, "y")).toBe(true);
    expect(Access.canAssign(staff("supervisor"), { departmentId: "d2" }, "y")).toBe(false);
  });
});

describe("configuration, audit and registration", () => {
  const roles: Role[] = ["owner", "admin", "supervisor", "dispatcher", "agent"];
  it("leaves configuration and the whole event log to owners and admins", () => {
    expect(roles.filter((r) => Access.configures(staff(r)))).toEqual(["owner", "admin"]);
    expect(roles.filter((r) => Access.canAudit(staff(r)))).toEqual(["owner", "admin"]);
  });
  it("lets everyone register requests in the departments they work, and those who see all anywhere", () => {
    expect(roles.filter((r) => Access.canCreateIn(staff(r), "d1"))).toEqual(roles);
    expect(roles.filter((r) => Access.canCreateIn(staff(r), "d2"))).toEqual(["owner", "admin", "dispatcher"]);
  });
  it("hides a ticket someone may not see as not found, and refuses what they see but may not do", () => {
    expect(() => Access.assertTicket(staff("agent"), "work", inD2)).toThrow("Ticket not found");
    expect(() => Access.assertTicket(staff("agent"), "delete", inD1)).toThrow("Only dispatchers, supervisors and admins delete tickets");
  });
  it("leaves billing to owners and admins, and changing customers to those who see every department", () => {
    expect(roles.filter((r) => Access.readsBilling(staff(r)))).toEqual(["owner", "admin"]);
    expect(roles.filter((r) => Access.editsCustomers(staff(r)))).toEqual(["owner", "admin", "dispatcher"]);
    expect(() => Access.assertReadsBilling(staff("agent"))).toThrow("Only the workspace's owners and admins see its billing");
    expect(() => Access.assertEditsCustomers(staff("supervisor"))).toThrow("Only dispatchers and admins change customers");
  });
  it("lets every staff member merge two records of one customer, agents included", () => {
    expect(roles.filter((r) => Access.mergesCustomers(staff(r)))).toEqual(["owner", "admin", "supervisor", "dispatcher", "agent"]);
  });
  it("gives the system every right", () => {
    const system: Principal = { type: "system", tenantId: "t", reason: "timer" };
    expect(Access.can(system, "redirect", inD2)).toBe(true);
    expect(Access.configures(system)).toBe(true);
  });
});
