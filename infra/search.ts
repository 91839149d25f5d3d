import { createHash } from "node:crypto";
import { Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { CfnAccessPolicy, CfnCollection, CfnSecurityPolicy } from "aws-cdk-lib/aws-opensearchserverless";
import type { Function as SstFunction } from "sst/constructs";
import type { Construct } from "constructs";

/**
 * The search index on AWS: an Amazon OpenSearch Serverless collection of type SEARCH, which the stream function feeds
 * and the API searches (functions/src/aws/opensearch-search.ts, one index per kind under SEARCH_INDEX_PREFIX).
 *
 * Access takes two keys, both narrow: IAM lets each of the two functions' roles call the collection's data plane
 * (`aoss:APIAccessAll` on this collection's ARN only), and the collection's data access policies say what each role may
 * do there, on this app's indexes only: the stream function creates its indexes and writes and reads documents, the API
 * reads documents. Any other principal, even one that IAM would let in, is refused by the collection.
 *
 * The endpoint is public (the stack has no VPC and its functions run outside one): reaching it still takes a SigV4
 * signature by one of those two roles. Encrypted at rest with an AWS-owned key, as every collection is at least.
 */

/** The indexes' common prefix: `<prefix>-tickets`, `-messages`, `-customers`, `-organizations`. */
export const SEARCH_INDEX_PREFIX = "frontline";

/** What each function may do in the collection, by the data access policy. */
export const SEARCH_PERMISSIONS = {
  /** The stream function: makes the indexes on first use, puts and deletes documents, finds a ticket's messages. */
  write: ["aoss:CreateIndex", "aoss:DescribeIndex", "aoss:UpdateIndex", "aoss:WriteDocument", "aoss:ReadDocument"],
  /** The API: searches. */
  read: ["aoss:ReadDocument", "aoss:DescribeIndex"],
} as const;

export type SearchReach = keyof typeof SEARCH_PERMISSIONS;

export interface SearchCollection {
  /** The collection's name (also the name of its encryption and network policies). */
  name: string;
  arn: string;
  endpoint: string;
  indexPrefix: string;
  /** The policies the collection needs before it can be made. */
  encryptionPolicy: CfnSecurityPolicy;
  networkPolicy: CfnSecurityPolicy;
  collection: CfnCollection;
}

const NAME = /^[a-z][a-z0-9-]{2,31}$/;

/**
 * A name for Serverless (collections and policies: 3 to 32 of a-z, 0-9 and "-", from a letter), unique per stage: the
 * stage's, cut and told apart by a hash of the whole when it does not fit.
 */
export function serverlessName(stage: string, what: string): string {
  const whole = `${stage}-frontline-${what}`.toLowerCase();
  const clean = whole.replace(/[^a-z0-9-]+/g, "-").replace(/^[^a-z]+/, "");
  if (NAME.test(clean) && clean === whole) return clean;
  const hash = createHash("sha256").update(whole).digest("hex").slice(0, 8);
  const head = clean.slice(0, 32 - what.length - hash.length - 2).replace(/-+$/, "") || "s";
  return `${head}-${hash}-${what}`;
}

/**
 * The collection, with its encryption policy (an AWS-owned key) and its network policy (its OpenSearch endpoint public,
 * no Dashboards), each naming this collection only. Standby replicas on prod; a throw-away stage goes without (half
 * the OCUs). Nothing in it is lost for good with it: the index is rebuilt from the table (core/search/rebuild.ts).
 */
export function searchCollection(scope: Construct, stage: string, prod: boolean): SearchCollection {
  const name = serverlessName(stage, "search");
  const resource = [`collection/${name}`];
  const encryptionPolicy = new CfnSecurityPolicy(scope, "SearchEncryptionPolicy", {
    name,
    type: "encryption",
    description: "Frontline search: encrypted with an AWS-owned key",
    policy: JSON.stringify({ Rules: [{ ResourceType: "collection", Resource: resource }], AWSOwnedKey: true }),
  });
  const networkPolicy = new CfnSecurityPolicy(scope, "SearchNetworkPolicy", {
    name,
    type: "network",
    description: "Frontline search: the OpenSearch endpoint reachable with a signature of an allowed role; no Dashboards",
    policy: JSON.stringify([{ Rules: [{ ResourceType: "collection", Resource: resource }], AllowFromPublic: true }]),
  });
  const collection = new CfnCollection(scope, "SearchCollection", {
    name,
    type: "SEARCH",
    description: "Frontline search: tickets, messages, customers and organizations, fed by the table's stream",
    standbyReplicas: prod ? "ENABLED" : "DISABLED",
  });
  // A collection is refused unless an encryption policy names it.
  collection.addDependency(encryptionPolicy);
  collection.addDependency(networkPolicy);
  return {
    name,
    arn: collection.attrArn,
    endpoint: collection.attrCollectionEndpoint,
    indexPrefix: SEARCH_INDEX_PREFIX,
    encryptionPolicy,
    networkPolicy,
    collection,
  };
}

/**
 * Lets `fn` use the collection as `reach` says: the collection's endpoint and index prefix in its environment, IAM's
 * `aoss:APIAccessAll` on this collection only, and a data access policy (in the function's own stack) granting its
 * role exactly SEARCH_PERMISSIONS[reach] on this app's indexes in this collection.
 */
export function grantSearch(fn: SstFunction, search: SearchCollection, reach: SearchReach, stage: string): CfnAccessPolicy {
  const role = fn.role;
  if (!role) throw new Error(`${fn.node.path} has no role to grant search to`);
  fn.addEnvironment("SEARCH_ENDPOINT", search.endpoint);
  fn.addEnvironment("SEARCH_INDEX_PREFIX", search.indexPrefix);
  fn.attachPermissions([new PolicyStatement({ actions: ["aoss:APIAccessAll"], resources: [search.arn] })]);
  const stack = Stack.of(fn);
  return new CfnAccessPolicy(stack, `Search${reach === "write" ? "Write" : "Read"}Access`, {
    name: serverlessName(stage, reach === "write" ? "search-write" : "search-read"),
    type: "data",
    description: `Frontline search: ${reach === "write" ? "the stream function writes" : "the API reads"} this app's indexes`,
    policy: stack.toJsonString([
      {
        Rules: [{ ResourceType: "index", Resource: [`index/${search.name}/${search.indexPrefix}-*`], Permission: [...SEARCH_PERMISSIONS[reach]] }],
        Principal: [role.roleArn],
      },
    ]),
  });
}
