/** Keyset pages from the API: pass nextCursor back as `cursor` until it is null. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_SIZE = 50;
