import { alertTitle } from "../email/notify";
import { defineReaction } from "../stream";
import { Workspace } from "../workspace";
import { notify } from "./index";

type AlertEntry = {
  ticketId: string;
  messageId: string;
  createdAt: string;
  alert?: { kind: "warning" | "breach"; target: "first_response" | "next_response" | "resolution"; ticketNumber: number; subject: string; recipients?: string[] };
};

/** An SLA warning or breach rings the bell of each staff member it alerts, in their language. */
export const slaAlerts = defineReaction({
  name: "notification.sla-alert",
  on: ["message"],
  when: (change) => change.kind === "insert" && Boolean((change.after as AlertEntry).alert?.recipients?.length),
  async each(change) {
    const entry = change.after as AlertEntry;
    const alert = entry.alert!;
    const staff = (await Workspace.config(change.tenantId!)).staff;
    await Promise.all(
      (alert.recipients ?? []).map((staffId) => {
        const person = staff.find((s) => s.staffId === staffId);
        return notify(
          change.tenantId!,
          staffId,
          entry.messageId,
          { kind: `sla_${alert.kind}`, ticketId: entry.ticketId, ticketNumber: alert.ticketNumber, title: alertTitle(alert.kind, alert.target, person?.locale), body: `#${alert.ticketNumber} ${alert.subject}` },
          entry.createdAt,
        );
      }),
    );
  },
});

export const reactions = [slaAlerts];
