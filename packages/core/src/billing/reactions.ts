import { defineReaction } from "../stream";
import { open } from "./index";

/** A new workspace gets its billing account with the trial credit, if sign-up stopped before opening it. */
export const openAccount = defineReaction({
  name: "billing.open-account",
  on: ["tenant"],
  when: (change) => change.kind === "insert",
  async each(change) {
    await open(change.tenantId!);
  },
});

export const reactions = [openAccount];
