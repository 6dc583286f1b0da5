import type { Strings } from '../../app/i18n/strings';
import type { returnsZh } from './messages';

/** Periodic returns strings in English: the same keys as messages.ts. */
export const returnsEn: Strings<typeof returnsZh> = {
  nav: {
    screening: 'Dispute screening',
    screeningMine: 'My screening returns',
    stability: 'Stability returns',
    stabilityMine: 'My stability returns',
  },
  kind: { screening: 'Dispute screening', stability: 'Stability returns' },
  state: { submitted: 'On time', zero: 'Zero report', late: 'Late', missing: 'Missing', open: 'Not yet due' },
  field: {
    name: 'Name',
    period: 'Period',
    periodStart: 'From',
    periodEnd: 'To',
    dueDate: 'Due date',
    dueAt: 'Due',
    issuer: 'Issued by',
    instructions: 'Instructions',
    progress: 'Returns',
    unit: 'Unit',
    state: 'State',
    itemCount: 'Records',
    statement: 'Zero statement',
    submittedAt: 'Filed at',
    submittedBy: 'Filed by',
  },
  list: {
    title: { screening: 'Dispute screening', stability: 'Stability returns' },
    issue: { screening: 'Start screening', stability: 'Open a period' },
    empty: 'No returns yet',
    open: 'Not all filed',
    closed: 'All filed',
    dueHint: 'Left empty: due on working day {{days}} after the period ends (a district setting)',
  },
  board: {
    title: 'Returns board',
    total: 'Units',
    all: 'All',
    empty: 'No unit matches',
  },
  mine: {
    title: { screening: 'My screening returns', stability: 'My stability returns' },
    empty: 'Your unit has no returns to file',
    due: 'Due {{at}}',
  },
  form: {
    found: {
      screening: 'Disputes found by screening in this period',
      stability: 'Risk factors found in this period',
    },
    noCandidates: 'Your unit has registered nothing in this period yet.',
    register: { screening: 'Register a dispute', stability: 'Register a risk factor' },
    saveList: 'Save the list',
    submit: 'File',
    zero: 'Zero report',
    zeroTitle: 'Zero report: nothing found in this period',
    zeroDefault: {
      screening: 'Screened: no disputes found in this period.',
      stability: 'Screened: no risk factors found in this period.',
    },
    zeroBlocked: 'Records are listed, so no zero report: untick them or file the return.',
    note: 'Note',
    filed: 'Filed',
    filedZero: 'Zero report filed',
    notOwn: "Another unit's return: read only.",
    listed: 'Records filed',
    saved: 'Saved',
    sent: 'Filed',
  },
};
