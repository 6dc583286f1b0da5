// Which demo server a browser journey talks to. The global setup starts one server per browser-suite worker
// (E2E_WORKERS), each over its own fresh embedded database: two journeys run side by side, each on a server of
// its own, so neither sees the other's records, settings or second-factor codes (files on one worker still run
// one after another, as they did when the whole suite shared one server).
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrls: string[];
    demoPassword: string;
  }
}

/** The server of this worker (vitest numbers its workers from 1 in VITEST_POOL_ID). */
export function workerBaseUrl(): string {
  const urls = inject('baseUrls');
  if (!urls.length) return '';
  const slot = Math.max(1, Number(process.env.VITEST_POOL_ID || 1));
  return urls[(slot - 1) % urls.length]!;
}
