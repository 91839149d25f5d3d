import { Hono } from "hono";
import * as z from "zod";
import { Department } from "@frontline/core/department";
import { Staff } from "@frontline/core/staff";
import { PasswordReset } from "@frontline/core/staff/password-reset";
import { jsonBody } from "../body";
import type { Env } from "../context";
import { route } from "../openapi";

/** Departments (ticket categories) and which staff work each; staff members' roles and departments. */
export const departmentRoutes = new Hono<Env>();

route(departmentRoutes, { method: "get", path: "/departments", summary: "The workspace's departments (archived ones marked)", tag: "Departments" }, async (c) =>
  c.json({ departments: await Department.list() }),
);

route(
  departmentRoutes,
  { method: "post", path: "/departments", summary: "Add a department (admins)", tag: "Departments", body: Department.CreateSchema, status: 201 },
  async (c) => c.json({ department: await Department.create((await jsonBody(c)) as z.input<typeof Department.CreateSchema>) }, 201),
);

route(departmentRoutes, { method: "get", path: "/departments/:id", summary: "A department and the staff who work it", tag: "Departments" }, async (c) => {
  const department = await Department.get(c.req.param("id")!);
  const staff = (await Staff.list()).filter((s) => s.departmentIds.includes(department.departmentId));
  return c.json({ department, staffIds: staff.map((s) => s.staffId) });
});

route(
  departmentRoutes,
  { method: "patch", path: "/departments/:id", summary: "Rename, describe, archive or restore a department, or make it the default (admins)", tag: "Departments", body: Department.UpdateSchema },
  async (c) =>
    c.json({ department: await Department.update(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Department.UpdateSchema>) }),
);

route(departmentRoutes, { method: "delete", path: "/departments/:id", summary: "Delete a department that never had a ticket (admins)", tag: "Departments", status: 204 }, async (c) => {
  await Department.remove(c.req.param("id")!);
  return c.body(null, 204);
});

route(
  departmentRoutes,
  { method: "put", path: "/departments/:id/staff", summary: "Set exactly which staff work a department (admins)", tag: "Departments", body: Department.StaffAccessSchema },
  async (c) => c.json({ staffIds: await Department.setStaff(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Department.StaffAccessSchema>) }),
);

route(departmentRoutes, { method: "get", path: "/staff", summary: "The workspace's staff", tag: "Staff" }, async (c) => c.json({ staff: await Staff.list() }));

route(
  departmentRoutes,
  { method: "patch", path: "/staff/:id", summary: "Change a staff member's name, role, departments or status", tag: "Staff", body: Staff.UpdateSchema },
  async (c) => c.json({ staff: await Staff.update(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Staff.UpdateSchema>) }),
);

route(
  departmentRoutes,
  { method: "post", path: "/staff/:id/password-reset", summary: "Mail a staff member a link to choose a new password (admins; the owner's account only by the owner)", tag: "Staff", status: 202 },
  async (c) => c.json(await PasswordReset.send(c.req.param("id")!), 202),
);
