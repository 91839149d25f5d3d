import { describe, expect, it } from "vitest";
import type { PolicyInfo } from "../api/types";
import { checkPolicy, newAction, newEscalation, newPolicyForm, policyFieldOf, policyForm, policyRequest, type PolicyForm } from "./policy-form";

const filled = (patch: Partial<PolicyForm> = {}): PolicyForm => ({
  ...newPolicyForm(),
  name: " Urgent incidents ",
  targets: { first_response: "15", next_response: "", resolution: " 240 " },
  ...patch,
});

describe("the request a policy form sends", () => {
  it("sends the targets given in minutes, the warning, and calendar hours without a calendar", () => {
    expect(policyRequest(filled())).toEqual({
      name: "Urgent incidents",
      active: true,
      match: { priorities: [], types: [], departmentIds: [] },
      targets: { first_response: 15, resolution: 240 },
      hours: "calendar",
      pauseOn: ["pending", "on_hold"],
      warnPercent: 75,
      escalations: [],
    });
  });

  it("sends business hours with their calendar, the matching lists, and each rule's actions in their own shape", () => {
    const form = filled({
      active: false,
      priorities: ["high", "urgent"],
      types: ["incident"],
      departmentIds: ["d-pay"],
      hours: "business",
      calendarId: "cal-1",
      pauseOn: ["pending"],
      warnPercent: "",
      escalations: [
        { on: "warning", target: "first_response", actions: [newAction("notify_assignee")] },
        {
          on: "breach",
          target: "any",
          actions: [
            { ...newAction("notify_staff"), staffIds: ["s-1", "s-2"], departmentId: "ignored" },
            newAction("raise_priority"),
            { ...newAction("reassign"), departmentId: "d-sup" },
            { ...newAction("reassign"), assigneeId: "s-3", staffIds: ["ignored"] },
          ],
        },
      ],
    });
    expect(policyRequest(form)).toEqual({
      name: "Urgent incidents",
      active: false,
      match: { priorities: ["high", "urgent"], types: ["incident"], departmentIds: ["d-pay"] },
      targets: { first_response: 15, resolution: 240 },
      hours: "business",
      calendarId: "cal-1",
      pauseOn: ["pending"],
      escalations: [
        { on: "warning", target: "first_response", actions: [{ type: "notify_assignee" }] },
        {
          on: "breach",
          target: "any",
          actions: [{ type: "notify_staff", staffIds: ["s-1", "s-2"] }, { type: "raise_priority" }, { type: "reassign", departmentId: "d-sup" }, { type: "reassign", assigneeId: "s-3" }],
        },
      ],
    });
  });

  it("leaves the calendar out of calendar hours even when one was chosen before", () => {
    expect(policyRequest(filled({ hours: "calendar", calendarId: "cal-1" }))).not.toHaveProperty("calendarId");
  });

  it("round-trips a policy from the API", () => {
    const policy: PolicyInfo = {
      policyId: "p1",
      name: "Payments",
      position: 2,
      active: true,
      match: { priorities: [], types: [], departmentIds: ["d-pay"] },
      targets: { first_response: 2, next_response: 120 },
      hours: "business",
      calendarId: "cal-1",
      pauseOn: ["on_hold"],
      warnPercent: 40,
      escalations: [{ on: "breach", target: "first_response", actions: [{ type: "notify_staff", staffIds: ["s-9"] }, { type: "reassign", assigneeId: "s-3" }] }],
    };
    const { policyId: _id, position: _position, ...request } = policy;
    expect(policyRequest(policyForm(policy))).toEqual(request);
  });
});

describe("checking a policy before it is sent", () => {
  it("passes a complete policy", () => {
    expect(checkPolicy(filled({ escalations: [newEscalation()] }))).toEqual({});
  });

  it("reports each problem under the field the API would name", () => {
    const form = filled({
      name: "",
      targets: { first_response: "1.5", next_response: "0", resolution: "600000" },
      hours: "business",
      warnPercent: "100",
      escalations: [
        { on: "breach", target: "any", actions: [] },
        { on: "warning", target: "any", actions: [newAction("notify_staff"), newAction("reassign"), newAction("raise_priority")] },
      ],
    });
    expect(checkPolicy(form)).toEqual({
      name: "name",
      "targets.first_response": "minutes",
      "targets.next_response": "minutes",
      "targets.resolution": "minutes",
      calendarId: "calendar",
      warnPercent: "warn",
      "escalations.0.actions": "actions",
      "escalations.1.actions.0": "staff",
      "escalations.1.actions.1": "reassign",
    });
    expect(checkPolicy(filled({ targets: { first_response: " ", next_response: "", resolution: "" } }))).toEqual({ targets: "targets" });
  });

  it("maps the API's issue paths to those fields", () => {
    expect(policyFieldOf("escalations.1.actions.0.staffIds")).toBe("escalations.1.actions.0");
    expect(policyFieldOf("escalations.1.actions.2.departmentId")).toBe("escalations.1.actions.2");
    expect(policyFieldOf("escalations.0.actions")).toBe("escalations.0.actions");
    expect(policyFieldOf("escalations.0.on")).toBe("escalations.0.on");
    expect(policyFieldOf("targets.first_response")).toBe("targets.first_response");
    expect(policyFieldOf("match.departmentIds.0")).toBe("match.departmentIds");
    expect(policyFieldOf("calendarId")).toBe("calendarId");
  });
});
