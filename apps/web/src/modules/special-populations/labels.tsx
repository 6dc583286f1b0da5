import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SpecialCategory } from '@civicgrid/shared/special-populations';

const STATUS_COLOUR: Record<string, string> = {
  awaiting_report: 'gold',
  reported: 'blue',
  under_correction: 'processing',
  away: 'cyan',
  lost: 'red',
  transferred: 'purple',
  ended: 'default',
  enrolled: 'gold',
  active: 'processing',
  hospitalised: 'orange',
};
const LEVEL_COLOUR: Record<string, string> = {
  strict: 'red',
  high: 'red',
  unstable: 'red',
  normal: 'blue',
  medium: 'blue',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOUR[status] ?? 'default'} data-testid="special-status">
      {t(`special.status.${status as 'ended'}`, { defaultValue: status })}
    </Tag>
  );
}

export function LevelTag({ level, risk }: { level: string; risk?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLOUR[level] ?? 'green'}>
      {t(`special.level.${level as 'low'}`, { defaultValue: level })}
      {risk !== null && risk !== undefined ? ` · ${risk}级` : ''}
    </Tag>
  );
}

export function useCategoryLabel() {
  const { t } = useTranslation();
  return (c: SpecialCategory) => t(`special.category.${c}`);
}

export function useSubLabel() {
  const { t } = useTranslation();
  return (s: string | null) => (s ? t(`special.subcategory.${s as 'idle'}`, { defaultValue: s }) : '—');
}
