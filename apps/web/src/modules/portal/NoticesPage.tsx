import { Empty, Segmented, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NoticeCard } from './NoticeCard';
import { useNotices } from './portal-api';

const TYPES = ['', 'leader_reception', 'station_duty', 'service_directory', 'announcement'] as const;

export default function NoticesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const notices = useNotices(type || undefined);
  return (
    <div data-testid="portal-notices">
      <h1 style={{ fontSize: 20, margin: '4px 0 12px' }}>{t('publicSide.portal.notices.title')}</h1>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={type}
          onChange={(v) => setParams(v ? { type: String(v) } : {}, { replace: true })}
          options={TYPES.map((v) => ({
            value: v,
            label: v ? t(`publicSide.noticeType.${v}`) : t('publicSide.admin.all'),
          }))}
        />
      </div>
      <section className="portal-card">
        {notices.isPending ? (
          <Spin />
        ) : notices.data?.items.length ? (
          notices.data.items.map((n) => <NoticeCard key={n.id} notice={n} />)
        ) : (
          <Empty description={t('publicSide.portal.notices.empty')} />
        )}
      </section>
    </div>
  );
}
