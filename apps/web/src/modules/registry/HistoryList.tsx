import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import { useHistory } from './registry-api';

const show = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join('、') : String(v);

/** A record's change history, newest first; sensitive values arrive masked from the API. */
export function HistoryList({ kind, id }: { kind: 'persons' | 'houses'; id: string }) {
  const { t } = useTranslation();
  const history = useHistory(kind, id);
  if (!history.data?.length) return <Empty description={t('registry.person.noHistory')} />;
  return (
    <Timeline
      items={history.data.map((h) => ({
        key: h.id,
        children: (
          <div>
            <Typography.Text strong>
              {t(`registry.history.${h.action}` as 'registry.history.update', { defaultValue: h.action })}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatTime(h.at)} · {h.actorName}
            </Typography.Text>
            {Object.entries(h.changes).map(([k, c]) => (
              <div key={k} style={{ fontSize: 12 }}>
                {t(`registry.field.${k}` as 'registry.field.name', { defaultValue: k })}: {show(c.from)} →{' '}
                {show(c.to)}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
