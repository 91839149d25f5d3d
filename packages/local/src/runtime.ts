import { configure } from "@frontline/core/config";
import { Plan } from "@frontline/core/plan";
import { ensureTable, startDynamoLocal, type DynamoLocal } from "./dynamo";
import { startHttpServer, type HttpServer } from "./server";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export interface RuntimeOptions {
  /** HTTP port; 0 picks a free one. */
  port: number;
  host?: string;
  /** Folder for DynamoDB Local's data; omitted means in memory. */
  dataDir?: string;
  /** Use an already running DynamoDB (tests share one) instead of starting DynamoDB Local. */
  dynamoEndpoint?: string;
  tableName?: string;
  inboundDomain?: string;
  /** Built web app to serve; omitted serves the API only. */
  webDist?: string;
}

export interface Runtime {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  stop(): Promise<void>;
}

/**
 * The whole help desk in one process: DynamoDB Local (or a given endpoint), the table, the plan catalog, and the
 * HTTP server with the API and the web app. `npm start`, the integration tests and the browser tests all use this.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  let dynamo: DynamoLocal | undefined;
  let http: HttpServer | undefined;
  const tableName = options.tableName ?? "frontline";
  try {
    if (!options.dynamoEndpoint) dynamo = await startDynamoLocal({ dataDir: options.dataDir });
    const endpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
    await ensureTable(endpoint, tableName);
    configure({
      tableName,
      dynamoEndpoint: endpoint,
      ...(options.inboundDomain ? { inboundDomain: options.inboundDomain } : {}),
    });
    await Plan.ensureCatalog();
    http = await startHttpServer({ port: options.port, host: options.host, webDist: options.webDist });
    const started = { dynamo, http };
    return {
      url: http.url,
      dynamoEndpoint: endpoint,
      tableName,
      async stop() {
        await started.http.close();
        await started.dynamo?.stop();
      },
    };
  } catch (error) {
    await http?.close();
    await dynamo?.stop();
    throw error;
  }
}
