export { fromRecord, padSequence, field, changedAttributes, type Change, type Item, type StreamRecord } from "./change";
export { defineReaction, type Reaction } from "./reaction";
export { streamHandler, type BatchResult, type HandlerOptions, type StreamHandler } from "./handler";
export * as Failures from "./failure";
export * as Positions from "./position";

export * as Stream from "./index";
