import { defineReaction } from "../stream";
import { ownerCreated } from "./index";

/** Once a new workspace's owner has an account, the workspace forgets the password hash it kept for it. */
export const ownerMade = defineReaction({
  name: "tenant.owner-made",
  on: ["staff"],
  when: (change) => change.kind === "insert" && (change.after as { role: string }).role === "owner",
  async each(change) {
    await ownerCreated(change.tenantId!);
  },
});

export const reactions = [ownerMade];
