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
  {
    method: "get",
    path: "/customers",
    summary: "Find customers by name, email address or phone (the newest without q), a page at a time",
    tag: "Customers",
    query: Customer.SearchSchema,
  },
  async (c) => c.json(await Customer.page(c.req.query())),
);

route(
  customerRoutes,
  { method: "get", path: "/customers/:id", summary: "A customer, their organization and their tickets", tag: "Customers", query: Ticket.RequesterQuerySchema },
  async (c) => {
    const customer = await Customer.get(c.req.param("id")!);
    const [organization, tickets, mergedInto] = await Promise.all([
      customer.organizationId ? Organization.get(customer.organizationId).catch(() => undefined) : undefined,
      Ticket.forRequester(customer.customerId, c.req.query()),
      // A merged record names the customer it was merged into (whose page has its addresses and tickets now).
      customer.mergedInto ? Customer.get(customer.mergedInto).catch(() => undefined) : undefined,
    ]);
    return c.json({
      customer,
      organization: organization ?? null,
      mergedInto: mergedInto ? { customerId: mergedInto.customerId, name: mergedInto.name } : null,
      ...tickets,
    });
  },
);

route(
  customerRoutes,
  { method: "patch", path: "/customers/:id", summary: "Change a customer's name, phone or organization", tag: "Customers", body: Customer.UpdateSchema },
  async (c) => c.json({ customer: await Customer.update(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Customer.UpdateSchema>) }),
);

route(
  customerRoutes,
  { method: "post", path: "/customers/:id/emails", summary: "Give a customer another email address (one customer's in a workspace)", tag: "Customers", body: Customer.EmailInputSchema, status: 201 },
  async (c) => {
    const id = c.req.param("id")!;
    await Customer.addEmail(id, (await jsonBody(c)) as z.input<typeof Customer.EmailInputSchema>);
    return c.json({ customer: await Customer.get(id) }, 201);
  },
);

route(
  customerRoutes,
  { method: "delete", path: "/customers/:id/emails/:email", summary: "Take an email address from a customer", tag: "Customers" },
  async (c) => {
    const id = c.req.param("id")!;
    await Customer.removeEmail(id, c.req.param("email")!);
    return c.json({ customer: await Customer.get(id) });
  },
);

route(
  customerRoutes,
  {
    method: "post",
    path: "/customers/:id/merge",
    summary: "Merge another record of the same customer into this one: its addresses and tickets become this customer's",
    tag: "Customers",
    body: Customer.MergeSchema,
  },
  async (c) => {
    const id = c.req.param("id")!;
    await Customer.merge(id, (await jsonBody(c)) as z.input<typeof Customer.MergeSchema>);
    return c.json({ customer: await Customer.get(id) });
  },
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
