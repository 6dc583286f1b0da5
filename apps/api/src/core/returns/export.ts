import type { BoardState } from '@civicgrid/shared/returns';
import { shanghaiText, type Lang } from '../lang.ts';

/** Column headers and state words of the board export, in the reader's language. */
const HEADER = {
  zh: ['单位', '状态', '零报告', '上报条数', '零报告说明', '报送时间', '报送人', '截止时间'],
  en: ['unit', 'state', 'zero report', 'records', 'zero statement', 'filed at', 'filed by', 'due'],
} as const;
const STATE: Record<Lang, Record<BoardState, string>> = {
  zh: { submitted: '按时报送', zero: '零报告', late: '逾期报送', missing: '未报', open: '待报' },
  en: { submitted: 'on time', zero: 'zero report', late: 'late', missing: 'missing', open: 'not yet due' },
};
const CAMPAIGN_HEADER = {
  zh: ['名称', '开始', '结束', '截止', '发起单位', '应报', '按时', '零报告', '逾期报送', '未报', '待报'],
  en: ['name', 'from', 'to', 'due', 'issued by', 'units', 'on time', 'zero', 'late', 'missing', 'open'],
} as const;

export const boardHeader = (lang: Lang) => [...HEADER[lang]];
export const campaignHeader = (lang: Lang) => [...CAMPAIGN_HEADER[lang]];

export function boardRow(
  lang: Lang,
  r: {
    unitName: string;
    boardState: BoardState;
    zero: boolean;
    itemCount: number;
    statement: string | null;
    submittedAt: string | null;
    submittedByName: string | null;
    dueAt: string;
  },
) {
  return [
    r.unitName,
    STATE[lang][r.boardState],
    r.zero ? (lang === 'zh' ? '是' : 'yes') : '',
    r.itemCount,
    r.statement ?? '',
    shanghaiText(r.submittedAt),
    r.submittedByName ?? '',
    shanghaiText(r.dueAt),
  ];
}

export function campaignRow(c: {
  name: string;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  issuerName: string | null;
  counts: Record<'total' | BoardState, number>;
}) {
  const n = c.counts;
  return [
    c.name,
    c.periodStart,
    c.periodEnd,
    shanghaiText(c.dueAt),
    c.issuerName ?? '',
    n.total,
    n.submitted,
    n.zero,
    n.late,
    n.missing,
    n.open,
  ];
}
