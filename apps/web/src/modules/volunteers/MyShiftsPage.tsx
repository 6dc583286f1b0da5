import { Alert, App, Button, Card, Empty, Space, Statistic, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { isApiError } from '../../lib/api';
import { hhmm, shanghaiDay, useMyShifts, volunteerKeys, volunteersApi, type MyShift } from './volunteers-api';

function ShiftCard({ s }: { s: MyShift }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
    await qc.invalidateQueries({ queryKey: volunteerKeys.mine });
  };
  return (
    <Card size="small" data-testid="my-shift" style={{ width: '100%' }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {s.postName}
        </Typography.Text>
        <Typography.Text>
          {shanghaiDay(s.start)} {hhmm(s.start)}–{hhmm(s.end)}
        </Typography.Text>
        {s.address && <Typography.Text type="secondary">{s.address}</Typography.Text>}
        {s.signedInAt && <Tag color="blue">{t('volunteers.mine.signedIn', { t: hhmm(s.signedInAt) })}</Tag>}
        {s.signedOutAt && (
          <Tag color={s.confirmed ? 'green' : 'default'} data-testid="my-shift-hours">
            {t('volunteers.mine.signedOut', { h: s.hours ?? 0 })} ·{' '}
            {s.confirmed ? t('volunteers.field.confirmed') : t('volunteers.field.notConfirmed')}
          </Tag>
        )}
        {s.canSignIn && (
          <Button
            type="primary"
            size="large"
            block
            data-testid="my-sign-in"
            onClick={() => void act(() => volunteersApi.signIn(s.id))}
          >
            {t('volunteers.mine.signIn')}
          </Button>
        )}
        {s.canSignOut && (
          <Button
            size="large"
            block
            data-testid="my-sign-out"
            onClick={() => void act(() => volunteersApi.signOut(s.id))}
          >
            {t('volunteers.mine.signOut')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

/** 我的值守, phone first: my shifts of the coming week, sign in and out at the post, my hours. */
export default function MyShiftsPage() {
  const { t } = useTranslation();
  const q = useMyShifts();
  if (q.isError)
    return isApiError(q.error) && q.error.code === 'NOT_A_VOLUNTEER' ? (
      <Alert type="info" showIcon message={t('volunteers.mine.notLinked')} />
    ) : (
      <QueryError error={q.error} onRetry={() => void q.refetch()} />
    );
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 480 }} data-testid="my-shifts">
      <Card size="small" loading={q.isPending}>
        <Statistic title={t('volunteers.mine.title')} value={q.data?.hours ?? 0} precision={2} suffix="h" />
        <Typography.Text type="secondary">{q.data?.name}</Typography.Text>
      </Card>
      {q.data && !q.data.items.length && <Empty description={t('volunteers.mine.empty')} />}
      {q.data?.items.map((s) => (
        <ShiftCard key={s.id} s={s} />
      ))}
    </Space>
  );
}
