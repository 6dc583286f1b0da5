import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskStatus } from '@civicgrid/shared/stability';

const LEVEL_COLOUR = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' } as const;
const STATUS_COLOUR: Record<RiskStatus, string> = {
  registered: 'gold',
  assigned: 'blue',
  controlling: 'processing',
  escalated: 'purple',
  resolved: 'green',
  occurred: 'red',
};

export function LevelTag({ level }: { level: keyof typeof LEVEL_COLOUR }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLOUR[level]} data-testid="risk-level">
      {t(`stability.level.${level}`)}
    </Tag>
  );
}

export function RiskStatusTag({ status, overdue }: { status: RiskStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLOUR[status]} data-testid="risk-status">
        {t(`stability.status.${status}`)}
      </Tag>
      {overdue && <Tag color="red">{t('stability.page.overdue')}</Tag>}
    </>
  );
}
