import { streamHandler, type HandlerOptions, type Reaction } from "../stream";

/**
 * Every reaction to the table's change stream, in one list: the composition root of the modules' reactions. Nothing
 * in the core imports this file; the stream consumers do (functions/src/stream on AWS, packages/local's poller).
 */
export const reactions: readonly Reaction[] = [];

/** The stream's handler with every reaction. */
export function changeHandler(options?: HandlerOptions) {
  return streamHandler(reactions, options);
}
