import type { Catalogue } from "./en";
import base from "./areas/base/kk";
import auth from "./areas/auth/kk";
import workspace from "./areas/workspace/kk";
import tickets from "./areas/tickets/kk";
import mail from "./areas/mail/kk";
import admin from "./areas/admin/kk";
import operator from "./areas/operator/kk";
import search from "./areas/search/kk";
import customers from "./areas/customers/kk";

/**
 * The Kazakh catalogue (Cyrillic script), put together from its areas (./areas/<area>/kk.ts). Typed as `Catalogue`: a
 * missing or an extra key does not compile. Kazakh attaches case endings to words, and an ending must agree with the
 * word's last vowel; so no ending is ever glued to a placeholder: a message names the thing ("{name} қызметкерінің"),
 * puts the value after a colon, or uses a postposition that takes no ending ("{name} ретінде"). Nouns after a number
 * stay singular ("5 күн").
 */
export const kk: Catalogue = { ...base, ...auth, ...workspace, ...tickets, ...mail, ...admin, ...operator, ...search, ...customers };
