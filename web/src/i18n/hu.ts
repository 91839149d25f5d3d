import type { Catalogue } from "./en";
import base from "./areas/base/hu";
import auth from "./areas/auth/hu";
import workspace from "./areas/workspace/hu";
import tickets from "./areas/tickets/hu";
import mail from "./areas/mail/hu";
import admin from "./areas/admin/hu";
import operator from "./areas/operator/hu";
import search from "./areas/search/hu";
import customers from "./areas/customers/hu";

/**
 * The Hungarian catalogue, put together from its areas (./areas/<area>/hu.ts). Typed as `Catalogue`: a missing or an
 * extra key does not compile. The console addresses its reader formally (magázás), as the letters do. Hungarian
 * attaches case endings to words, and the right ending (and the article a/az) depends on how a value sounds, so a
 * placeholder never takes an ending or an article: the messages put values after a colon, in brackets, or before a noun
 * that carries the ending ("{name} munkatárs").
 */
export const hu: Catalogue = { ...base, ...auth, ...workspace, ...tickets, ...mail, ...admin, ...operator, ...search, ...customers };
