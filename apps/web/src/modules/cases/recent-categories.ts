/**
 * The categories this browser picked last, newest first: a call-taker files the same few kinds of matter all
 * day, so the picker offers them before the tree. Kept per browser (localStorage), never sent anywhere.
 */
const KEY = 'cg.recentCategories';
export const RECENT_MAX = 6;

export function recentCategories(storage: Pick<Storage, 'getItem'> = localStorage): string[] {
  try {
    const v: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

export function rememberCategory(id: string, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage) {
  const next = [id, ...recentCategories(storage).filter((x) => x !== id)].slice(0, RECENT_MAX);
  try {
    storage.setItem(KEY, JSON.stringify(next));
  } catch {
    // A full or disabled storage only loses the shortcut.
  }
  return next;
}
