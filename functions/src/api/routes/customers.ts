import { Hono } from "hono";
import * as z from "zod";
import { Customer } from "@frontline/core/customer";
import { Ticket } from "@frontline/core/ticket";
import { jsonBody } from "../body";
import type { Env } from "../context";
import { route } from "../openapi";

const { Organization } = Customer;

/** Customers and the organizations they belong to. */
export const customerRoutes = new Hono<Env>();

route(
  customerRoutes,
  { method: "get", path: "/customers", summary: "Find customers by name, email address or phone (recent ones without q)", tag: "Customers", query: Customer.SearchSchema },
  async (c) => c.json({ customers: await Customer.search(c.req.query()) }),
);

route(
  customerRoutes,
  { method: "get", path: "/customers/:id", summary: "A customer, their organization and their tickets", tag: "Customers", query: Ticket.RequesterQuerySchema },
  async (c) => {
    const customer = await Customer.get(c.req.param("id")!);
    const [organization, tickets] = await Promise.all([
      customer.organizationId ? Organization.get(customer.organizationId).catch(() => undefined) : undefined,
      Ticket.forRequester(customer.customerId, c.req.query()),
    ]);
    return c.json({ customer, organization: organization ?? null, ...tickets });
  },
);

route(
  customerRoutes,
  { method: "patch", path: "/customers/:id", summary: "Change a customer's name, phone or organization", tag: "Customers", body: Customer.UpdateSchema },
  async (c) => c.json({ customer: await Customer.update(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Customer.UpdateSchema>) }),
);

route(customerRoutes, { method: "get", path: "/organizations", summary: "The workspace's organizations", tag: "Customers" }, async (c) =>
  c.json({ organizations: await Organization.list() }),
);

route(
  customerRoutes,
  { method: "post", path: "/organizations", summary: "Add an organization (admins)", tag: "Customers", body: Organization.CreateSchema, status: 201 },
  async (c) => c.json({ organization: await Organization.create((await jsonBody(c)) as z.input<typeof Organization.CreateSchema>) }, 201),
);

route(customerRoutes, { method: "get", path: "/organizations/:id", summary: "An organization", tag: "Customers" }, async (c) =>
  c.json({ organization: await Organization.get(c.req.param("id")!) }),
);

route(
  customerRoutes,
  { method: "patch", path: "/organizations/:id", summary: "Rename an organization or change its domains (admins)", tag: "Customers", body: Organization.UpdateSchema },
  async (c) =>
    c.json({ organization: await Organization.update(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Organization.UpdateSchema>) }),
);
