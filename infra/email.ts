import { Duration, Stack } from "aws-cdk-lib";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { EmailIdentity, Identity, ReceiptRuleSet, TlsPolicy } from "aws-cdk-lib/aws-ses";
import { LambdaInvocationType, Lambda as LambdaAction, S3 as S3Action } from "aws-cdk-lib/aws-ses-actions";
import { use, type StackContext } from "sst/constructs";
import { Alerts, deadLetterQueue } from "./alerts";
import { inboundDomain } from "./config";
import { appFunction } from "./functions";
import { explainDeployHelpers } from "./nag";
import { Storage } from "./storage";
import { Timers } from "./timers";

export const INBOUND_HANDLER = "functions/src/mail/inbound.handler";
/** Where SES stores each received message in the mail bucket (functions/src/mail/inbound.ts reads it there). */
export const INBOUND_PREFIX = "incoming/";

/**
 * Mail on SES. Receiving: a receipt rule for the inbound domain stores each message in the mail bucket, then invokes
 * the inbound function with the envelope (the same core entry point as the local SMTP server). Sending: the domain is
 * an SES identity (DKIM), so letters go out as `<workspace>@<domain>`.
 *
 * SES invokes the function asynchronously: Lambda retries a failed invocation twice, then sends the event (the
 * message's id and envelope) to the failures queue, whose alarm tells the ops alerts topic. The raw message stays in
 * the bucket under incoming/<message id>, so an operator can feed it again.
 *
 * After the first deploy: point the domain's MX record at inbound-smtp.<region>.amazonaws.com, publish the DKIM
 * records (outputs), and make the rule set active (README): SES has one active rule set per account and region.
 */
export function Email({ app, stack }: StackContext) {
  const { table, bucket } = use(Storage);
  const { timers } = use(Timers);
  const domain = inboundDomain(app.stage);

  const inbound = appFunction(stack, "InboundFunction", { table, bucket, timers, inboundDomain: domain }, "objects", {
    handler: INBOUND_HANDLER,
    memorySize: 1024,
    // Parsing is bounded at 15 s (core/email/parse.ts); the rest is a few table writes.
    timeout: 60,
  });

  const failures = deadLetterQueue(stack, "InboundFailures", use(Alerts), "A received mail failed all its attempts and is not a ticket yet");
  inbound.configureAsyncInvoke({ onFailure: new SqsDestination(failures), retryAttempts: 2, maxEventAge: Duration.hours(6) });

  const identity = new EmailIdentity(stack, "Domain", { identity: Identity.domain(domain) });

  const ruleSet = new ReceiptRuleSet(stack, "Inbound", { receiptRuleSetName: app.logicalPrefixedName("inbound") });
  ruleSet.addRule("Workspaces", {
    recipients: [domain],
    scanEnabled: true,
    tlsPolicy: TlsPolicy.OPTIONAL,
    actions: [
      new S3Action({ bucket, objectKeyPrefix: INBOUND_PREFIX }),
      new LambdaAction({ function: inbound, invocationType: LambdaInvocationType.EVENT }),
    ],
  });

  explainDeployHelpers(stack);
  stack.addOutputs({
    InboundFailuresQueue: failures.queueUrl,
    InboundDomain: domain,
    MxRecord: `10 inbound-smtp.${Stack.of(stack).region}.amazonaws.com`,
    ReceiptRuleSet: ruleSet.receiptRuleSetName,
    DkimRecords: identity.dkimRecords.map((r) => `${r.name} CNAME ${r.value}`).join(" | "),
  });
  return { inbound, failures, identity, ruleSet };
}
