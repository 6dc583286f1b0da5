import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import type { PublicNotice } from './portal-api';

const COLOURS: Record<PublicNotice['type'], string> = {
  leader_reception: 'volcano',
  station_duty: 'purple',
  service_directory: 'green',
  announcement: 'blue',
};

function when(n: PublicNotice) {
  if (!n.startsAt) return null;
  const start = formatTime(n.startsAt, 'YYYY-MM-DD HH:mm');
  return n.endsAt ? `${start}–${formatTime(n.endsAt, 'HH:mm')}` : start;
}

export function NoticeCard({ notice: n }: { notice: PublicNotice }) {
  const { t } = useTranslation();
  const p = 'publicSide.portal.notices';
  const row = (label: string, value: string | null) =>
    value ? (
      <div>
        <Typography.Text type="secondary">{label}：</Typography.Text>
        {value}
      </div>
    ) : null;
  const timed = n.type === 'leader_reception' || n.type === 'station_duty';
  return (
    <div className="portal-list-item" data-testid="portal-notice">
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ marginBottom: 4 }}>
          <Tag color={COLOURS[n.type]}>{t(`publicSide.noticeType.${n.type}`)}</Tag>
          <Typography.Text strong>{n.title}</Typography.Text>
        </div>
        {row(t(n.type === 'station_duty' ? `${p}.dutyWho` : `${p}.who`), n.who)}
        {timed && row(t(`${p}.when`), when(n))}
        {row(t(n.type === 'service_directory' ? `${p}.address` : `${p}.place`), n.place)}
        {n.phone && (
          <div>
            <Typography.Text type="secondary">{t(`${p}.phone`)}：</Typography.Text>
            <a href={`tel:${n.phone}`}>{n.phone}</a>
          </div>
        )}
        {row(t(`${p}.hours`), n.hours)}
        {n.body && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {n.body}
          </Typography.Paragraph>
        )}
      </div>
    </div>
  );
}
