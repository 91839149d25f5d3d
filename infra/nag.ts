import type { Stack } from "aws-cdk-lib";
import { NagSuppressions } from "cdk-nag";

/**
 * Reasons for cdk-nag's AwsSolutions findings (test/infra/support.ts runs the pack on every stack in the tests; an
 * unexplained finding fails them). Findings on the app's own resources are explained next to those resources; this
 * file explains the deploy-time helpers SST and the CDK put in every stack, which run only during deploys.
 */

/** SST's stack-metadata handler and the CDK's log-retention helper, wherever a stack has them. */
export function explainDeployHelpers(stack: Stack): void {
  for (const child of stack.node.children) {
    if (child.node.id === "CustomResourceHandler") {
      NagSuppressions.addResourceSuppressions(
        child,
        [
          { id: "AwsSolutions-IAM4", reason: "SST's stack-metadata handler (runs during deploys only) uses the basic Lambda execution policy SST gives it." },
          { id: "AwsSolutions-L1", reason: "SST's stack-metadata handler: SST 2.49.8 chooses its runtime; it runs during deploys only." },
        ],
        true,
      );
    } else if (/^LogRetention[0-9a-f]{32}$/.test(child.node.id)) {
      NagSuppressions.addResourceSuppressions(
        child,
        [
          { id: "AwsSolutions-IAM4", reason: "The CDK's log-retention helper (deploys only) uses the basic Lambda execution policy." },
          {
            id: "AwsSolutions-IAM5",
            reason: "The CDK's log-retention helper sets the retention of log groups it learns of at deploy time, so its policy names no one group.",
          },
        ],
        true,
      );
    }
  }
}
