import { configure } from "@frontline/core/config";
import { Operator } from "@frontline/core/operator";

/**
 * `npm run operator -- --email you@example.com --name "Your Name"` with OPERATOR_PASSWORD in the environment: creates
 * an operator account (the platform's console, /operator) in the table named by TABLE_NAME (and AWS_REGION), with the
 * caller's AWS credentials. Running it again for the same address changes nothing. Locally, `npm start` makes one.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const email = arg("email");
  const name = arg("name");
  const password = process.env.OPERATOR_PASSWORD;
  if (!email || !name || !password || !process.env.TABLE_NAME) {
    console.error('Usage: TABLE_NAME=<stage>-frontline-table OPERATOR_PASSWORD=... npm run operator -- --email <email> --name "<name>"');
    process.exit(2);
  }
  configure({ tableName: process.env.TABLE_NAME });
  const { operator, created } = await Operator.ensure({ email, name, password });
  console.log(created ? `Created operator ${operator.email}.` : `Operator ${operator.email} already exists; nothing changed.`);
}

main().catch((error: Error) => {
  console.error(`Could not create the operator: ${error.message}`);
  process.exit(1);
});
