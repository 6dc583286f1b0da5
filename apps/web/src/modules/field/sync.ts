import { isApiError } from '../../lib/api';
import { sendRaw } from '../../lib/send-raw';
import { QUEUE_PATHS, dropQueued, listQueued, markFailed } from './offline-queue';

let running: Promise<{ sent: number; failed: number }> | null = null;

/**
 * Sends the queue in the order typed, each under its own Idempotency-Key. Sent (201) or already there (200):
 * the item leaves the queue. No network: it stays, untouched. Refused: it stays with the reason shown.
 */
export function syncQueue(): Promise<{ sent: number; failed: number }> {
  running ??= (async () => {
    let sent = 0;
    let failed = 0;
    try {
      for (const item of await listQueued()) {
        try {
          await sendRaw(QUEUE_PATHS[item.kind], { body: item.body, headers: { 'Idempotency-Key': item.id } });
          await dropQueued(item.id);
          sent++;
        } catch (error) {
          if (isApiError(error) && error.status === 0) break;
          failed++;
          await markFailed(item.id, isApiError(error) ? `${error.status} ${error.message}` : String(error));
        }
      }
    } finally {
      running = null;
    }
    return { sent, failed };
  })();
  return running;
}
