import type { Catalogue } from "./en";
import base from "./areas/base/ru";
import auth from "./areas/auth/ru";
import workspace from "./areas/workspace/ru";
import tickets from "./areas/tickets/ru";
import mail from "./areas/mail/ru";
import admin from "./areas/admin/ru";
import operator from "./areas/operator/ru";
import search from "./areas/search/ru";
import customers from "./areas/customers/ru";

/** The Russian catalogue, put together from its areas (./areas/<area>/ru.ts). Typed as `Catalogue`: a missing or an extra key does not compile. */
export const ru: Catalogue = { ...base, ...auth, ...workspace, ...tickets, ...mail, ...admin, ...operator, ...search, ...customers };
