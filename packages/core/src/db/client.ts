import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { localCredentials, onConfigChange, useConfig } from "../config";
import { CallMeter, CapacityMeter } from "./capacity";

let client: DynamoDBDocumentClient | undefined;
onConfigChange(() => {
  client?.destroy();
  client = undefined;
});

/** The shared DynamoDB document client, built from the configuration on first use. */
export function useDynamo(): DynamoDBDocumentClient {
  if (!client) {
    const config = useConfig();
    const base = new DynamoDBClient({
      region: config.region,
      ...(config.dynamoEndpoint
        ? {
            endpoint: config.dynamoEndpoint,
            credentials: localCredentials(),
          }
        : {}),
    });
    CapacityMeter.attach(base, Boolean(config.dynamoEndpoint));
    CallMeter.attach(base);
    client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }
  return client;
}
