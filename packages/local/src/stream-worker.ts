import { join } from "node:path";
import { configure } from "@frontline/core/config";
import { configurePorts } from "@frontline/core/port";
import { changeHandler } from "@frontline/core/reactions";
import { Timers } from "@frontline/core/timer";
import { folderBlobStore } from "./blob-store";
import { localMailer } from "./mailer";
import { localScheduler } from "./scheduler";
import { sqliteSearchIndex } from "./search-index";
import { streamPoller } from "./stream";

/**
 * The stream's consumer alone, as a process of its own: `tsx packages/local/src/stream-worker.ts` with DYNAMODB_ENDPOINT,
 * TABLE_NAME and FILES_DIR set. The runtime runs the same poller inside `npm start`; this lets a test stop it the hard
 * way (kill -9) in the middle of a batch and start it again, as a crash would.
 */
const endpoint = process.env.DYNAMODB_ENDPOINT;
const tableName = process.env.TABLE_NAME;
const filesDir = process.env.FILES_DIR;
if (!endpoint || !tableName || !filesDir) {
  console.error("Set DYNAMODB_ENDPOINT, TABLE_NAME and FILES_DIR");
  process.exit(2);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
configure({ tableName, dynamoEndpoint: endpoint });
configurePorts({
  blobs: folderBlobStore(join(filesDir, "blobs")),
  mailer: localMailer({ outboxDir: join(filesDir, "outbox") }),
  // Timers are armed (items in the table) but fired by whoever runs the scheduler, not here.
  scheduler: localScheduler(Timers.fire),
  search: sqliteSearchIndex(join(filesDir, "search.sqlite")),
});
const poller = streamPoller({ endpoint, tableName, handler: changeHandler() });
poller.start();
console.log("polling");
const stop = async () => {
  await poller.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
