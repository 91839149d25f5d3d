import { reactions as billing } from "../billing/reactions";
import { reactions as customer } from "../customer/reactions";
import { reactions as department } from "../department/reactions";
import { reactions as email } from "../email/reactions";
import { reactions as notification } from "../notification/reactions";
import { reactions as search } from "../search/reactions";
import { reactions as sla } from "../sla/reactions";
import { reactions as staff } from "../staff/reactions";
import { streamHandler, type HandlerOptions, type Reaction } from "../stream";
import { reactions as tenant } from "../tenant/reactions";
import { reactions as ticket } from "../ticket/reactions";
import { requesterMerged } from "../ticket/requester-merged";
import { reactions as workspace } from "../workspace/reactions";

/**
 * Every reaction to the table's change stream, in one list: the composition root of the modules' reactions. Nothing
 * in the core imports this file; the stream consumers do (functions/src/stream on AWS, packages/local's poller).
 */
export const reactions: readonly Reaction[] = [
  ...workspace,
  ...tenant,
  ...staff,
  ...department,
  ...billing,
  ...customer,
  ...ticket,
  requesterMerged,
  ...sla,
  ...email,
  ...notification,
  ...search,
];

/** The stream's handler with every reaction. */
export function changeHandler(options?: HandlerOptions) {
  return streamHandler(reactions, options);
}
