import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { currentPosition } from './geo';

interface Duty {
  today: string;
  isDutyDay: boolean;
  nextDutyDay: string;
  signedInAt: string | null;
}

/** 逢五进站: sign in at the station on a duty day (online only: the server's time is the record). */
export function DutyCard({ online }: { online: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const duty = useQuery({
    queryKey: ['field', 'duty'],
    queryFn: () => api<Duty>('/api/field/duty'),
    retry: false,
  });
  const signin = useMutation({
    mutationFn: async () =>
      api<Duty>('/api/field/duty/signin', { method: 'POST', body: (await currentPosition()) ?? {} }),
    onSuccess: (d) => {
      queryClient.setQueryData(['field', 'duty'], d);
      void message.success(t('field.duty.done'));
    },
    onError: (e) => void message.error(errorMessage(t, e)),
  });
  const d = duty.data;
  if (!d) return null;
  return (
    <Card title={t('field.duty.title')} size="small" data-testid="field-duty">
      {!d.isDutyDay ? (
        <Typography.Text>{t('field.today.duty', { day: d.nextDutyDay })}</Typography.Text>
      ) : d.signedInAt ? (
        <Typography.Text type="success" data-testid="duty-signed">
          {t('field.duty.signedAt', { time: new Date(d.signedInAt).toLocaleTimeString() })}
        </Typography.Text>
      ) : (
        <Button
          type="primary"
          block
          size="large"
          disabled={!online}
          loading={signin.isPending}
          onClick={() => signin.mutate()}
          data-testid="duty-signin"
        >
          {t('field.duty.signin')}
        </Button>
      )}
    </Card>
  );
}
