import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { listQueued, onQueueChange, type QueuedItem } from './offline-queue';
import { syncQueue } from './sync';

/** Registers the field PWA's service worker once (the built app only: the dev server has no /sw.js). */
export function registerFieldWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}

/** Online or not, the queue as it stands, and a sync whenever the network comes back (and on opening). */
export function useFieldDevice() {
  const queryClient = useQueryClient();
  const [online, setOnline] = useState(() => navigator.onLine);
  const [queue, setQueue] = useState<QueuedItem[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [lastSynced, setLastSynced] = useState<number | null>(null);

  const reload = useCallback(() => {
    void listQueued().then(setQueue, () => setQueue([]));
  }, []);

  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    setSyncing(true);
    try {
      const r = await syncQueue();
      if (r.sent) {
        setLastSynced(r.sent);
        await queryClient.invalidateQueries({ queryKey: ['field'] });
      }
    } finally {
      setSyncing(false);
      reload();
    }
  }, [queryClient, reload]);

  useEffect(() => {
    reload();
    const off = onQueueChange(reload);
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    // The first visit's reads ran before the worker took control: read them again through it, so a reload
    // without a network finds who is signed in and the field data kept.
    const claimed = () => void queryClient.invalidateQueries();
    navigator.serviceWorker?.addEventListener('controllerchange', claimed);
    void sync();
    return () => {
      off();
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      navigator.serviceWorker?.removeEventListener('controllerchange', claimed);
    };
  }, [queryClient, reload, sync]);

  return { online, queue, syncing, lastSynced, sync };
}
