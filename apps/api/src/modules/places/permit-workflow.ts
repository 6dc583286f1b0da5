import type { Machine } from '../../core/workflow.ts';

export const PERMIT_STATUSES = ['applied', 'issued', 'rejected', 'expired', 'cancelled'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
export type PermitAction = 'issue' | 'renew' | 'change_address' | 'reject' | 'cancel' | 'expire';
/** staff: a registry manager in whose scope the permit lies; system: the expiry sweep only. */
export type PermitActor = 'staff' | 'system';

/**
 * 居住证: apply → issue → renew → address change. An expired permit can still be renewed (the holder comes
 * back late); rejected and cancelled are final.
 */
export const PERMIT_MACHINE: Machine<PermitStatus, PermitAction, PermitActor> = {
  statuses: PERMIT_STATUSES,
  transitions: [
    { action: 'issue', from: ['applied'], to: 'issued', who: 'staff' },
    { action: 'reject', from: ['applied'], to: 'rejected', who: 'staff', requires: ['reason'] },
    { action: 'renew', from: ['issued', 'expired'], to: 'issued', who: 'staff' },
    { action: 'change_address', from: ['issued'], to: 'same', who: 'staff' },
    {
      action: 'cancel',
      from: ['applied', 'issued', 'expired'],
      to: 'cancelled',
      who: 'staff',
      requires: ['reason'],
    },
    { action: 'expire', from: ['issued'], to: 'expired', who: 'system' },
  ],
};
