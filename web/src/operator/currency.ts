import { OperatorApi } from "./client";

/**
 * The platform's currency, for amounts that come without one (top-up requests, the event log): the plans' currency,
 * which is every balance's too, since the daily charge takes a plan's price off a balance as it is.
 */
export async function platformCurrency(): Promise<string> {
  const { plans } = await OperatorApi.plans();
  const currency = plans[0]?.currency;
  if (!currency) throw new Error("The plan catalogue is empty");
  return currency;
}
