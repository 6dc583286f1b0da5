import { Card, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { formatTime } from '../../lib/time';
import { BoardStateTag } from './labels';
import { useMyReturns, type ReturnKindWeb } from './returns-api';

/** 我的报送: the returns of the caller's own unit, newest period first, one tap to file (phone first). */
export function MyReturnsPage({ k }: { k: ReturnKindWeb }) {
  const { t } = useTranslation();
  const q = useMyReturns(k);
  return (
    <Card title={t(`returns.mine.title.${k.kind}`)} size="small" data-testid="my-returns">
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <List
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('returns.mine.empty')} /> }}
          renderItem={(r) => (
            <List.Item>
              <Link
                to={`${k.base}/returns/${r.id}`}
                style={{ display: 'block', width: '100%', color: 'inherit' }}
                data-testid="my-return"
              >
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{r.campaignName}</Typography.Text>
                    <BoardStateTag state={r.boardState} />
                  </Space>
                  <Typography.Text type="secondary">
                    {r.unitName} · {r.periodStart} ~ {r.periodEnd} ·{' '}
                    {t('returns.mine.due', { at: formatTime(r.dueAt, 'MM-DD HH:mm') })}
                  </Typography.Text>
                </Space>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
