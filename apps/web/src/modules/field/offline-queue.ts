/**
 * The field PWA's offline queue (modules.md §4.5 "Offline sync"): visits and patrols typed without a network are
 * kept in IndexedDB, each encrypted with AES-GCM under a key that lives only for the signed-in session
 * (sessionStorage: gone when the tab closes or on sign-out, OWASP ASVS 14.3.3), and sent when the network
 * returns with the record's own client-made Idempotency-Key, so a replay answers the first record. A failed
 * send keeps the item and says why (decision 0018).
 */
const DB_NAME = 'cg-field';
const STORE = 'queue';
const KEY_SLOT = 'cg-field-key';

export type QueueKind = 'visit' | 'patrol' | 'worklog';
export const QUEUE_PATHS: Record<QueueKind, string> = {
  visit: '/api/field/visits',
  patrol: '/api/field/patrols',
  worklog: '/api/field/worklogs',
};

interface StoredItem {
  id: string;
  kind: QueueKind;
  createdAt: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
  lastError?: string;
}

export interface QueuedItem {
  id: string;
  kind: QueueKind;
  createdAt: string;
  body: Record<string, unknown>;
  lastError?: string;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    });
  } finally {
    db.close();
  }
}

const toB64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromB64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The session's queue key: made at the first use after sign-in, forgotten on sign-out. */
async function sessionKey(create: boolean): Promise<CryptoKey | null> {
  const kept = sessionStorage.getItem(KEY_SLOT);
  if (kept) return crypto.subtle.importKey('raw', fromB64(kept), 'AES-GCM', false, ['encrypt', 'decrypt']);
  if (!create) return null;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  sessionStorage.setItem(KEY_SLOT, toB64(await crypto.subtle.exportKey('raw', key)));
  return key;
}

/** Keeps a record on the device, encrypted; its id is the Idempotency-Key it will be sent with. */
export async function enqueue(kind: QueueKind, body: Record<string, unknown>): Promise<string> {
  const key = (await sessionKey(true))!;
  // WebCrypto (and so this queue) exists only in secure contexts, where randomUUID does too.
  const id = crypto.randomUUID();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(JSON.stringify(body)),
  );
  const item: StoredItem = { id, kind, createdAt: new Date().toISOString(), iv, data };
  await withStore('readwrite', (s) => s.put(item));
  notify();
  return id;
}

/** The queue in the order typed, decrypted; items of another session's key cannot be read and are left out. */
export async function listQueued(): Promise<QueuedItem[]> {
  const stored = await withStore<StoredItem[]>('readonly', (s) => s.getAll() as IDBRequest<StoredItem[]>);
  const key = await sessionKey(false);
  if (!key) return [];
  const out: QueuedItem[] = [];
  for (const it of stored.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: it.iv }, key, it.data);
      const body = JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>;
      out.push({
        id: it.id,
        kind: it.kind,
        createdAt: it.createdAt,
        body,
        ...(it.lastError ? { lastError: it.lastError } : {}),
      });
    } catch {
      // Encrypted under an earlier session's key: unreadable by design.
    }
  }
  return out;
}

export const dropQueued = async (id: string) => {
  await withStore('readwrite', (s) => s.delete(id));
  notify();
};

export async function markFailed(id: string, reason: string) {
  const item = await withStore<StoredItem | undefined>(
    'readonly',
    (s) => s.get(id) as IDBRequest<StoredItem | undefined>,
  );
  if (!item) return;
  await withStore('readwrite', (s) => s.put({ ...item, lastError: reason }));
  notify();
}

/** Sign-out: the key goes, and with it every queued record (unreadable without it), and the kept data. */
export async function wipeFieldDevice() {
  sessionStorage.removeItem(KEY_SLOT);
  await withStore('readwrite', (s) => s.clear()).catch(() => undefined);
  navigator.serviceWorker?.controller?.postMessage('field:wipe');
  notify();
}

const listeners = new Set<() => void>();
function notify() {
  for (const l of listeners) l();
}
export function onQueueChange(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
