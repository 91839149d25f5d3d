import base from "./areas/base/en";
import auth from "./areas/auth/en";
import workspace from "./areas/workspace/en";
import tickets from "./areas/tickets/en";
import mail from "./areas/mail/en";
import admin from "./areas/admin/en";
import operator from "./areas/operator/en";
import search from "./areas/search/en";
import customers from "./areas/customers/en";

/**
 * The whole English catalogue, put together from its areas (./areas/<area>/en.ts), and the shape of every other
 * language's. The console never imports it: a page loads its areas' strings in its reader's language only
 * (./index.tsx). Tests and types use it whole.
 */
export const en = { ...base, ...auth, ...workspace, ...tickets, ...mail, ...admin, ...operator, ...search, ...customers };

export type Catalogue = typeof en;
