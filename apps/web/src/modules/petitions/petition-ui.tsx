import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PetitionItem } from './petition-api';

const SLA_COLOUR = { normal: 'green', warning: 'gold', overdue: 'red' } as const;
const FINAL = ['concluded', 'redirected', 'not_accepted'];

export function StatusTag({ status }: { status: PetitionItem['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={FINAL.includes(status) ? 'default' : 'blue'} data-testid="petition-status">
      {t(`petition.status.${status}`)}
    </Tag>
  );
}

/** The running limit: its phase and the days left (red when over, yellow when close), or nothing. */
export function ClockCell({ p }: { p: Pick<PetitionItem, 'phase' | 'daysLeft' | 'slaState'> }) {
  const { t } = useTranslation();
  if (!p.phase || p.daysLeft === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const over = p.daysLeft < 0;
  return (
    <Space size={4} wrap>
      <Typography.Text>{t(`petition.phase.${p.phase as 'route'}`)}</Typography.Text>
      <Tag color={over ? 'red' : SLA_COLOUR[p.slaState]} data-testid="petition-clock">
        {over
          ? t('petition.list.overdueBy', { count: -p.daysLeft })
          : t('petition.list.daysLeft', { count: p.daysLeft })}
      </Tag>
    </Space>
  );
}

export function Flags({ p }: { p: Pick<PetitionItem, 'collective' | 'repeat' | 'crossLevel'> }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {p.collective && <Tag color="purple">{t('petition.flag.collective')}</Tag>}
      {p.repeat && <Tag color="orange">{t('petition.flag.repeat')}</Tag>}
      {p.crossLevel && <Tag color="magenta">{t('petition.flag.crossLevel')}</Tag>}
    </Space>
  );
}
