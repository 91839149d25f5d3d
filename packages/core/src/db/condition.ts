/** True when a write was refused by its condition (ElectroDB wraps the SDK's ConditionalCheckFailedException). */
export function isConditionFailure(error: unknown): boolean {
  const e = error as { name?: string; cause?: { name?: string } } | undefined;
  return e?.cause?.name === "ConditionalCheckFailedException" || e?.name === "ConditionalCheckFailedException";
}
