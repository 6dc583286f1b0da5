import type { MeetingKind } from '@civicgrid/shared/meetings';
import type { Permission } from '@civicgrid/shared/permissions';

/**
 * A domain's use of the meetings part: which kinds of meeting it holds, what its agenda items may point at
 * (record owner types, so the owner's own scope rule decides what may be put on the agenda) and who may read
 * and run its meetings. Mediation holds 三调联席会 over disputes, stability its 联席会议 over risks and warnings.
 */
export interface MeetingSpace {
  module: string;
  /** Where the domain's meeting routes live: '/api/mediation/meetings'. */
  prefix: string;
  /** Where the web opens a meeting of this space: '/mediation/meetings'. */
  webPath: string;
  kinds: readonly MeetingKind[];
  agendaTypes: readonly string[];
  read: Permission;
  /** To create meetings, set agendas and decisions; a decision's responsible person completes it with `read`. */
  manage: Permission;
}

const BY_KIND = new Map<string, MeetingSpace>();

/** Idempotent: each app built in a test run registers the same spaces; a kind belongs to one space. */
export function registerMeetingSpace(space: MeetingSpace) {
  for (const k of space.kinds) {
    const had = BY_KIND.get(k);
    if (had && had.prefix !== space.prefix)
      throw new Error(`meeting kind ${k} already belongs to ${had.module}`);
    BY_KIND.set(k, space);
  }
}

export function spaceOfKind(kind: string): MeetingSpace | undefined {
  return BY_KIND.get(kind);
}

export function registeredMeetingSpaces(): MeetingSpace[] {
  return [...new Set(BY_KIND.values())];
}
