/**
 * The email channel, what a request path needs of it: received mail's records (Mail), letters queued and their
 * records (Outbox), the letters' wording (Letters), the stop list, addresses and reply tokens. Receiving and parsing
 * mail (./inbound) and composing and sending it (./send) are separate entry points: they are heavy (MIME parsers,
 * character sets), and only the SMTP server, the inbound function and the reactions use them.
 */
export * as Mail from "./mail";
export * as Outbox from "./outbox";
export * as Letters from "./letters";
export { StopList } from "./stop-list";
export { trimQuoted } from "./quote";
export { replyToken, verifyToken } from "./token";
export { headerText, inboundAddress, parseInboundRecipient, departmentTag } from "./address";
