import type { InboxKind } from './case-types';

/** Which inbox kinds can ever hold work for a holder of these permissions (the API's taskFilter, mirrored). */
const NEEDS: Record<InboxKind, string | null> = {
  register: 'case.dispatch',
  dispatch: 'case.dispatch',
  accept: 'case.handle',
  handle: 'case.handle',
  verify: 'case.verify',
  close: 'case.dispatch',
  extension: 'case.supervise',
  co_accept: 'case.handle',
  co_handle: 'case.handle',
  overdue: null,
  // 首问负责: cases this user received first, followed until closed.
  followed: 'case.create',
};

export const INBOX_KINDS = Object.keys(NEEDS) as InboxKind[];

export function inboxKindsFor(can: (permission: string) => boolean): InboxKind[] {
  return INBOX_KINDS.filter((k) => {
    const needed = NEEDS[k];
    return needed === null || can(needed);
  });
}

/** The badge on 我的待办: work waiting on this user. Overdue cases are already counted in their own kind. */
export function taskTotal(counts: Partial<Record<InboxKind, number>>, kinds: readonly InboxKind[]): number {
  return kinds
    .filter((k) => k !== 'overdue' && k !== 'followed')
    .reduce((sum, k) => sum + (counts[k] ?? 0), 0);
}
