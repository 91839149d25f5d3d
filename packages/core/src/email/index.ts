/** The email channel: receiving (Inbound), sending (Outbox, Letters), the stop list, threading and loop guarding. */
export * as Inbound from "./inbound";
export * as Outbox from "./outbox";
export * as Letters from "./letters";
export { StopList } from "./stop-list";
export { parseMail, Limits as ParseLimits, Unreadable } from "./parse";
export { compose, type Letter } from "./compose";
export { trimQuoted, REPLY_MARKER } from "./quote";
export { classify } from "./loop-guard";
export { replyToken, verifyToken } from "./token";
export { headerText, inboundAddress, parseInboundRecipient, departmentTag } from "./address";
