import type { BlobStore, Mailer, OutboundMail, Scheduler, TimerPayload } from "./index";

/** In-memory adapters for unit tests. */
export function memoryBlobStore(): BlobStore & { keys(): string[] } {
  const blobs = new Map<string, Buffer>();
  return {
    async put(key, body) {
      blobs.set(key, Buffer.from(body));
    },
    async get(key) {
      return blobs.get(key);
    },
    async delete(key) {
      blobs.delete(key);
    },
    keys: () => [...blobs.keys()],
  };
}

export function recordingMailer(): Mailer & { sent: OutboundMail[]; failNext(error: Error, times?: number): void } {
  const sent: OutboundMail[] = [];
  const failures: Error[] = [];
  return {
    sent,
    failNext(error, times = 1) {
      for (let i = 0; i < times; i++) failures.push(error);
    },
    async send(mail) {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push(mail);
      return { providerMessageId: `memory-${sent.length}` };
    },
  };
}

export function recordingScheduler(): Scheduler & { timers: Map<string, { at: Date; payload: TimerPayload }> } {
  const timers = new Map<string, { at: Date; payload: TimerPayload }>();
  return {
    timers,
    async arm(name, at, payload) {
      timers.set(name, { at, payload });
    },
    async cancel(name) {
      timers.delete(name);
    },
  };
}
