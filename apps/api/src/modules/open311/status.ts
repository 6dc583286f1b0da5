import type { Locale } from './services-service.ts';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** W3C datetime in Asia/Shanghai (UTC+8 all year, no DST), the zone the district works in. */
export function w3c(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

interface NoteFacts {
  status: string;
  departmentName: string | null;
  centreName: string;
  mergedInto: string | null;
  mergedNumber: string | null;
}

/**
 * status_notes are written from the workflow state alone. Staff notes (reasons, results, verification remarks)
 * are free text that can name staff or residents, so none of it leaves through this public API.
 */
export function statusNotes(r: NoteFacts, locale: Locale): string {
  const dept = r.departmentName ?? r.centreName;
  const en = locale === 'en';
  switch (r.status) {
    case 'reported':
      return en
        ? `Received by ${r.centreName}; waiting to be registered.`
        : `${r.centreName}已收到，等待立案。`;
    case 'registered':
      return en
        ? `Registered by ${r.centreName}; waiting to be dispatched.`
        : `${r.centreName}已立案，等待派遣。`;
    case 'dispatched':
      return en ? `Dispatched to ${dept}.` : `已派遣至${dept}。`;
    case 'handling':
      return en ? `Being handled by ${dept}.` : `${dept}正在处置。`;
    case 'handled':
      return en
        ? `Handled by ${dept}; the result is being checked on site.`
        : `${dept}已处置，正在现场核查。`;
    case 'verified':
      return en ? 'Checked on site; about to be closed.' : '现场核查通过，即将结案。';
    case 'suspended':
      return en ? 'On hold for now.' : '暂缓办理。';
    case 'closed':
      return en ? 'Resolved and closed.' : '已办结。';
    case 'rejected':
      if (r.mergedInto) {
        if (r.mergedNumber)
          return en
            ? `Merged with request ${r.mergedNumber} about the same problem; follow that one.`
            : `与同一问题的报告 ${r.mergedNumber} 合并办理，请查询该编号。`;
        return en ? 'Merged with another report of the same problem.' : '与同一问题的其他报告合并办理。';
      }
      return en
        ? 'Not accepted: the matter is outside what this platform handles or could not be confirmed.'
        : '不予立案：不属于受理范围或无法核实。';
    default:
      return '';
  }
}
