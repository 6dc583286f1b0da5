import { Tag } from 'antd';
import type { OrgLevel } from '@civicgrid/shared/orgs';
import { useLang } from '../lib/use-lang';

const COLORS: Record<OrgLevel, string> = {
  city: 'magenta',
  district: 'volcano',
  street: 'orange',
  community: 'green',
  grid: 'blue',
  microgrid: 'geekblue',
  department: 'purple',
};

export function OrgLevelTag({ level }: { level: OrgLevel }) {
  const { levelLabel } = useLang();
  return (
    <Tag color={COLORS[level] ?? 'default'} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {levelLabel(level)}
    </Tag>
  );
}
