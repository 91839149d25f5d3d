import { Conflict } from "@frontline/core/error";
import { Tenant } from "@frontline/core/tenant";

export const DemoLogin = {
  workspaceName: "Demo Company",
  slug: "demo",
  ownerName: "Dana Demo",
  email: "owner@demo.example",
  password: "frontline-demo",
} as const;

/** Creates the demo workspace on first start; later starts find it and change nothing. */
export async function seedDemo(): Promise<"created" | "exists"> {
  if (await Tenant.exists(DemoLogin.slug)) return "exists";
  try {
    await Tenant.signup({ ...DemoLogin });
    return "created";
  } catch (error) {
    if (error instanceof Conflict) return "exists";
    throw error;
  }
}
