import { Service } from "electrodb";
import { onConfigChange, useConfig } from "../config";
import { useDynamo } from "./client";
import { TenantEntity, TenantIndexEntity, WorkspaceAddressEntity } from "../tenant/tenant.entity";
import { StaffEmailEntity, StaffEntity } from "../staff/staff.entity";
import { InvitationEntity } from "../staff/invitation.entity";
import { PasswordResetEntity } from "../staff/password-reset.entity";
import { DepartmentEntity } from "../department/department.entity";
import { PlanEntity } from "../plan/plan.entity";
import { BillingAccountEntity } from "../billing/billing-account.entity";
import { LedgerEntryEntity } from "../billing/ledger-entry.entity";
import { TopUpPointerEntity, TopUpRequestEntity } from "../billing/top-up.entity";
import { SessionEntity } from "../session/session.entity";
import { LoginThrottleEntity } from "../auth/login-throttle.entity";
import { CounterEntity } from "../counter/counter.entity";
import { TallyMarkEntity } from "../counter/tally-mark.entity";
import { EventEntity } from "../event/event.entity";
import { CustomerEmailEntity, CustomerEntity, CustomerTermEntity } from "../customer/customer.entity";
import { OrganizationDomainEntity, OrganizationEntity } from "../customer/organization.entity";
import { TicketEntity } from "../ticket/ticket.entity";
import { MessageEntity } from "../ticket/message.entity";
import { TicketNumberEntity } from "../ticket/ticket-number.entity";
import { TicketLinkEntity } from "../ticket/link.entity";
import { MailEntity, MailRefEntity, StopEntryEntity } from "../email/mail.entity";
import { LetterEntity, OutboxEntity } from "../email/outbox.entity";
import { TimerEntity } from "../timer/timer.entity";
import { CalendarEntity, OverdueEntity, SlaEventEntity, SlaPolicyEntity } from "../sla/sla.entity";
import { NotificationEntity } from "../notification/notification.entity";
import { FollowEntity, NotificationPreferenceEntity } from "../notification/preference.entity";
import { ReplyTemplateEntity } from "../reply-template/reply-template.entity";
import { OperatorEntity } from "../operator/operator.entity";
import { ReactionFailureEntity } from "../stream/failure.entity";
import { StreamPositionEntity } from "../stream/position.entity";
import { ConfigStampEntity } from "../workspace/stamp.entity";
import { CursorKeyEntity } from "../cursor/key.entity";
import { SavedViewEntity } from "../view/saved-view.entity";

/** Every entity of the one table. Adding an entity here puts it under the tenant-key test in db/keys.test.ts. */
export const entities = {
  tenant: TenantEntity,
  tenantIndex: TenantIndexEntity,
  workspaceAddress: WorkspaceAddressEntity,
  staff: StaffEntity,
  staffEmail: StaffEmailEntity,
  invitation: InvitationEntity,
  passwordReset: PasswordResetEntity,
  department: DepartmentEntity,
  plan: PlanEntity,
  billingAccount: BillingAccountEntity,
  ledgerEntry: LedgerEntryEntity,
  topUpRequest: TopUpRequestEntity,
  topUpPointer: TopUpPointerEntity,
  session: SessionEntity,
  loginThrottle: LoginThrottleEntity,
  counter: CounterEntity,
  tallyMark: TallyMarkEntity,
  event: EventEntity,
  customer: CustomerEntity,
  customerEmail: CustomerEmailEntity,
  customerTerm: CustomerTermEntity,
  organization: OrganizationEntity,
  organizationDomain: OrganizationDomainEntity,
  ticket: TicketEntity,
  message: MessageEntity,
  ticketNumber: TicketNumberEntity,
  ticketLink: TicketLinkEntity,
  mail: MailEntity,
  mailRef: MailRefEntity,
  stopEntry: StopEntryEntity,
  outbox: OutboxEntity,
  letter: LetterEntity,
  timer: TimerEntity,
  calendar: CalendarEntity,
  slaPolicy: SlaPolicyEntity,
  overdue: OverdueEntity,
  slaEvent: SlaEventEntity,
  notification: NotificationEntity,
  notificationPreference: NotificationPreferenceEntity,
  follow: FollowEntity,
  replyTemplate: ReplyTemplateEntity,
  operator: OperatorEntity,
  reactionFailure: ReactionFailureEntity,
  streamPosition: StreamPositionEntity,
  configStamp: ConfigStampEntity,
  cursorKey: CursorKeyEntity,
  savedView: SavedViewEntity,
};

function build() {
  const config = useConfig();
  return new Service(entities, { client: useDynamo(), table: config.tableName });
}

let service: ReturnType<typeof build> | undefined;
onConfigChange(() => {
  service = undefined;
});

/** The ElectroDB service over the configured table and client. */
export function useDb() {
  service ??= build();
  return service;
}
