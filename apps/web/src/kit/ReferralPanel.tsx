import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { formatTime } from '../lib/time';
import { LoadMore } from '../components/LoadMore';
import { QueryError } from '../components/QueryError';
import { FormModal } from './FormModal';
import { recordKeys, recordsApi, type Referral } from './records-api';
import { useKeysetList } from './use-keyset-list';

interface Props {
  /** Which side: sent to the caller's units (to answer) or sent from them. */
  box?: 'incoming' | 'outgoing';
  /** One record's referrals only; without it the whole box. */
  ownerType?: string;
  ownerId?: string;
  /** Only what still waits for an answer. */
  pendingOnly?: boolean;
  /** After an answer: the record may have changed hands, so its page reloads. */
  onAnswered?: (r: Referral) => void;
  title?: string;
}

const REFERRALS = { path: '/api/referrals', key: recordKeys.referrals };
const STATUS_COLOUR = {
  pending: 'processing',
  accepted: 'success',
  declined: 'error',
  expired: 'warning',
  withdrawn: 'default',
};

/**
 * 转办与协办: referrals of a box or of one record. On the receiver's side a pending one can be accepted
 * (a transfer then moves the record here) or declined with a reason, each sent with the referral's version.
 */
export function ReferralPanel({
  box = 'incoming',
  ownerType,
  ownerId,
  pendingOnly,
  onAnswered,
  title,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useMemo(
    () => ({ box, ownerType, status: pendingOnly ? 'pending' : undefined }),
    [box, ownerType, pendingOnly],
  );
  const list = useKeysetList<Referral>(REFERRALS, query);
  const rows = ownerId ? list.rows.filter((r) => r.ownerId === ownerId) : list.rows;
  const [busy, setBusy] = useState<string | null>(null);
  const [declining, setDeclining] = useState<Referral | null>(null);

  const answered = (r: Referral) => {
    void queryClient.invalidateQueries({ queryKey: recordKeys.referrals });
    onAnswered?.(r);
  };
  const answer = async (r: Referral, how: 'accept' | 'withdraw') => {
    setBusy(r.id);
    try {
      answered(await recordsApi[how](r));
      void message.success(t(how === 'accept' ? 'kit.referral.accepted' : 'kit.referral.withdrawn'));
    } catch (error) {
      // Stale or already answered: show why and what the referral is now.
      void message.error(errorMessage(t, error));
      void queryClient.invalidateQueries({ queryKey: recordKeys.referrals });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={title ?? t('kit.referral.title')} size="small" data-testid="referral-panel">
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List<Referral>
          loading={list.loading}
          dataSource={rows}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kit.referral.empty')} />,
          }}
          renderItem={(r) => (
            <List.Item
              key={r.id}
              data-testid="referral-item"
              data-status={r.status}
              actions={
                // Each box offers its own side's step: a district sees both ends of a transfer between its
                // streets, so the sender's list must not offer it an answer (nor the receiver's a withdrawal).
                box === 'incoming' && r.canAnswer && r.status === 'pending'
                  ? [
                      <Button
                        key="accept"
                        type="primary"
                        size="small"
                        loading={busy === r.id}
                        onClick={() => void answer(r, 'accept')}
                        data-testid="referral-accept"
                      >
                        {t('kit.referral.accept')}
                      </Button>,
                      <Button
                        key="decline"
                        danger
                        size="small"
                        disabled={busy === r.id}
                        onClick={() => setDeclining(r)}
                        data-testid="referral-decline"
                      >
                        {t('kit.referral.decline')}
                      </Button>,
                    ]
                  : box === 'outgoing' && r.canWithdraw && r.status === 'pending'
                    ? [
                        <Popconfirm
                          key="withdraw"
                          title={t('kit.referral.withdrawConfirm')}
                          okText={t('kit.referral.withdraw')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ 'data-testid': 'referral-withdraw-ok' }}
                          onConfirm={() => answer(r, 'withdraw')}
                        >
                          <Button size="small" loading={busy === r.id} data-testid="referral-withdraw">
                            {t('kit.referral.withdraw')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : undefined
              }
            >
              <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <Tag color="blue">{t(`kit.referral.kind.${r.kind}`)}</Tag>
                  <Tag color={STATUS_COLOUR[r.status]}>{t(`kit.referral.status.${r.status}`)}</Tag>
                  <Typography.Text strong>{r.ownerLabel}</Typography.Text>
                </Space>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</Typography.Text>
                {r.response && <Typography.Text type="secondary">{r.response}</Typography.Text>}
                {r.status === 'pending' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('kit.referral.dueAt', { time: formatTime(r.dueAt, 'YYYY-MM-DD HH:mm') })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <LoadMore
        shown={rows.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={list.more}
      />
      <FormModal<{ response: string }>
        open={declining !== null}
        title={t('kit.referral.declineTitle')}
        okText={t('kit.referral.decline')}
        danger
        fields={['response']}
        testId="referral-decline-form"
        onClose={() => setDeclining(null)}
        onReload={() => {
          void queryClient.invalidateQueries({ queryKey: recordKeys.referrals });
          setDeclining(null);
        }}
        onSubmit={async ({ response }) => {
          if (!declining) return;
          answered(await recordsApi.decline(declining, response.trim()));
          void message.success(t('kit.referral.declined'));
        }}
      >
        <Form.Item
          name="response"
          label={t('kit.referral.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('kit.referral.reason') }),
            },
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="referral-decline-reason" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
