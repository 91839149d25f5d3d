import { defineReaction } from "../stream";
import { openDefault } from "./index";

/** A new workspace gets its first department, if sign-up stopped before making it. */
export const firstDepartment = defineReaction({
  name: "department.first",
  on: ["tenant"],
  when: (change) => change.kind === "insert" && Boolean(change.after?.defaultDepartmentId),
  async each(change) {
    await openDefault(change.tenantId!);
  },
});

export const reactions = [firstDepartment];
