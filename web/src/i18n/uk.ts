import type { Catalogue } from "./en";
import base from "./areas/base/uk";
import auth from "./areas/auth/uk";
import workspace from "./areas/workspace/uk";
import tickets from "./areas/tickets/uk";
import mail from "./areas/mail/uk";
import admin from "./areas/admin/uk";
import operator from "./areas/operator/uk";
import search from "./areas/search/uk";
import customers from "./areas/customers/uk";

/** The Ukrainian catalogue, put together from its areas (./areas/<area>/uk.ts). Typed as `Catalogue`: a missing or an extra key does not compile. */
export const uk: Catalogue = { ...base, ...auth, ...workspace, ...tickets, ...mail, ...admin, ...operator, ...search, ...customers };
