import { lazy, Suspense, useMemo } from 'react';
import { Button, Empty, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import { CategoryIcon } from './category-icon';
import { useRecentReports } from './portal-api';
import { categoryName } from './ReportPage';

const PortalMap = lazy(() => import('./PortalMap'));

/** Recent portal reports on a map and in a list; sensitive ones sit at their grid's centre (hollow marker). */
export default function RecentPage() {
  const { t } = useTranslation();
  const p = 'publicSide.portal.recent';
  const recent = useRecentReports();
  const items = useMemo(() => recent.data?.pages.flatMap((pg) => pg.items) ?? [], [recent.data]);
  const points = useMemo(
    () =>
      items
        .filter((i) => i.location)
        .map((i) => ({
          id: i.id,
          lngLat: [i.location!.lng, i.location!.lat] as [number, number],
          colour: i.blurred ? '#8c8c8c' : i.publicStatus === 'closed' ? '#52c41a' : '#fa541c',
        })),
    [items],
  );
  return (
    <div data-testid="portal-recent">
      <h1 style={{ fontSize: 20, margin: '4px 0 12px' }}>{t(`${p}.title`)}</h1>
      <section className="portal-card" style={{ padding: 6 }}>
        <Suspense
          fallback={
            <div style={{ height: 260, display: 'grid', placeItems: 'center' }}>
              <Spin />
            </div>
          }
        >
          <PortalMap height={260} points={points} />
        </Suspense>
      </section>
      <section className="portal-card">
        {recent.isPending ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t(`${p}.empty`)} />
        ) : (
          items.map((i) => (
            <div key={i.id} className="portal-list-item" data-testid="portal-recent-item">
              <CategoryIcon icon={i.category.icon} size={22} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Typography.Text strong>{categoryName(i.category)}</Typography.Text>
                  <Tag>{t(`publicSide.portal.status.${i.publicStatus}`)}</Tag>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(i.reportedAt, 'MM-DD HH:mm')} · {i.area ?? ''}{' '}
                  {i.address ? `· ${i.address}` : ''}
                  {i.blurred ? ` · ${t(`${p}.blurred`)}` : ''}
                </Typography.Text>
              </div>
            </div>
          ))
        )}
        {recent.hasNextPage && (
          <Button block onClick={() => void recent.fetchNextPage()} loading={recent.isFetchingNextPage}>
            {t(`${p}.loadMore`)}
          </Button>
        )}
      </section>
    </div>
  );
}
