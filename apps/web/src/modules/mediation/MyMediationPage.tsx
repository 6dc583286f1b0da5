import { Card, Empty, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ReferralPanel } from '../../kit/ReferralPanel';
import { useKeysetList } from '../../kit/use-keyset-list';
import { mediationKeys, type Dispute } from './mediation-api';
import { DisputeCard } from './DisputeListPage';

const MINE = { path: '/api/mediation/disputes', key: [...mediationKeys.disputes, 'mine'] };
const QUERY = { mine: true };

/**
 * 我的调解: the mediator's phone list — the disputes assigned to them, newest first, each with its clock, and
 * the transfers waiting for their unit's answer above.
 */
export default function MyMediationPage() {
  const { t } = useTranslation();
  const list = useKeysetList<Dispute>(MINE, QUERY);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="my-mediation">
      <ReferralPanel box="incoming" ownerType="dispute" pendingOnly title={t('mediation.page.transfers')} />
      <Card title={t('mediation.mine.title')} size="small">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <List
              loading={list.isPending}
              dataSource={list.rows}
              locale={{ emptyText: <Empty description={t('mediation.mine.empty')} /> }}
              renderItem={(d) => (
                <List.Item>
                  <DisputeCard d={d} />
                </List.Item>
              )}
            />
            <LoadMore
              shown={list.rows.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </Card>
    </Space>
  );
}
