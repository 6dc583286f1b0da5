import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, SlaState } from './case-types';

const STATUS_COLOURS: Record<CaseStatus, string> = {
  reported: 'blue',
  registered: 'cyan',
  rejected: 'default',
  dispatched: 'geekblue',
  handling: 'orange',
  handled: 'purple',
  verified: 'lime',
  closed: 'green',
  suspended: 'gold',
};

export function CaseStatusTag({ status, testId }: { status: CaseStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLOURS[status]}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`case.status.${status}`)}
    </Tag>
  );
}

const SLA_COLOURS: Record<SlaState, string> = { normal: 'success', warning: 'warning', overdue: 'error' };

/** Green on time, amber once 80 % of the step's working time is used, red past the deadline. */
export function SlaBadge({ state, testId }: { state: SlaState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SLA_COLOURS[state]} data-testid={testId} data-sla={state} style={{ marginInlineEnd: 0 }}>
      {t(`case.sla.${state}`)}
    </Tag>
  );
}
