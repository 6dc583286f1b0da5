import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeStatus } from '@civicgrid/shared/mediation';
import type { Dispute } from './mediation-api';

const STATUS_COLOUR: Record<DisputeStatus, string> = {
  registered: 'gold',
  accepted: 'blue',
  declined: 'default',
  mediating: 'processing',
  agreed: 'green',
  performing: 'cyan',
  failed: 'red',
  referred_out: 'purple',
  closed: 'default',
};

export function DisputeStatusTag({ status }: { status: DisputeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOUR[status]} data-testid="dispute-status">
      {t(`mediation.status.${status}`)}
    </Tag>
  );
}

const DAY = 86_400_000;

/** The 30-day clock as the mediator reads it: days left, yellow from ten days before, red once past. */
export function ClockBadge({ d }: { d: Pick<Dispute, 'clockState' | 'deadline'> }) {
  const { t } = useTranslation();
  if (!d.clockState || !d.deadline) return null;
  const days = Math.ceil((new Date(d.deadline).getTime() - Date.now()) / DAY);
  const colour = d.clockState === 'overdue' ? 'red' : d.clockState === 'warning' ? 'orange' : 'green';
  return (
    <Tag color={colour} data-testid="dispute-clock">
      {d.clockState === 'overdue'
        ? t('mediation.page.overdueBy', { days: Math.max(1, -days) })
        : t('mediation.page.clock', { days: Math.max(0, days) })}
    </Tag>
  );
}

export function RiskTags({ d }: { d: Pick<Dispute, 'riskLevel' | 'escalationRisk' | 'collective'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={d.riskLevel === 'high' ? 'red' : d.riskLevel === 'medium' ? 'orange' : 'default'}>
        {t('mediation.field.riskLevel')}：{t(`mediation.risk.${d.riskLevel}`)}
      </Tag>
      {d.escalationRisk && <Tag color="volcano">{t('mediation.field.escalationRisk')}</Tag>}
      {d.collective && <Tag color="magenta">{t('mediation.field.collective')}</Tag>}
    </Space>
  );
}
