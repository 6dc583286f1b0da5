import { App, Button, Card, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkLogSummary } from '@civicgrid/shared/field-day';
import { isApiError } from '../../lib/api';
import { useUpdateWorkLog, useWorkLogDraft } from './field-day-api';
import { enqueue } from './offline-queue';

const today = () => dayjs().format('YYYY-MM-DD');

function Summary({ s }: { s: WorkLogSummary }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={2} data-testid="worklog-summary">
      <Typography.Text>
        {t('field.day.log.summaryLine', {
          visits: s.visits,
          patrols: s.patrols,
          minutes: s.patrolMinutes,
          cases: s.cases,
          alarms: s.alarmsHandled,
        })}
      </Typography.Text>
      {s.dutySignedIn && <Tag color="green">{t('field.day.log.duty')}</Tag>}
    </Space>
  );
}

/**
 * 日志: the day's records summed up, and the text. A new log goes through the device queue (it can be written
 * in a basement); an edit of one already sent needs the network and its version.
 */
export function WorkLogTab({ online, onQueued }: { online: boolean; onQueued: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [day, setDay] = useState(today);
  const draft = useWorkLogDraft(day);
  const update = useUpdateWorkLog();
  const [form] = Form.useForm<{ body: string }>();
  const log = draft.data?.log ?? null;

  useEffect(() => {
    if (!draft.data) return;
    const s = draft.data.summary;
    form.setFieldsValue({
      body:
        draft.data.log?.body ??
        (s.households.length ? t('field.day.log.prefill', { households: s.households.join('、') }) : ''),
    });
  }, [draft.data, form, t]);

  const submit = async ({ body }: { body: string }) => {
    if (log) {
      update.mutate(
        { id: log.id, body, version: log.version },
        {
          onSuccess: () => void message.success(t('field.day.log.updated')),
          onError: (e) => {
            if (isApiError(e) && e.status === 409) {
              void message.warning(t('field.day.log.stale'));
              void draft.refetch();
            } else void message.error(String(e));
          },
        },
      );
      return;
    }
    await enqueue('worklog', { day, body, recordedOffline: !navigator.onLine });
    void message.success(t(online ? 'field.day.log.saved' : 'field.day.log.savedOffline'));
    onQueued();
    setTimeout(() => void draft.refetch(), 800);
  };

  return (
    <Card title={t('field.day.log.title')} size="small" data-testid="worklog-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <DatePicker
          value={dayjs(day)}
          allowClear={false}
          disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
          onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
          style={{ width: '100%' }}
          aria-label={t('field.day.log.day')}
          data-testid="worklog-day"
        />
        {draft.data && <Summary s={draft.data.summary} />}
        {log && (
          <Typography.Text type="secondary" data-testid="worklog-written">
            {t('field.day.log.written', { time: dayjs(log.submittedAt).format('MM-DD HH:mm') })}
            {log.reviewedByName &&
              ` · ${t('field.day.log.reviewed', { name: log.reviewedByName, comment: log.reviewComment ?? '' })}`}
          </Typography.Text>
        )}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="body" label={t('field.day.log.body')} rules={[{ required: true, max: 4000 }]}>
            <Input.TextArea
              rows={6}
              placeholder={t('field.day.log.bodyPlaceholder')}
              data-testid="worklog-body"
            />
          </Form.Item>
          {log && !online && (
            <Typography.Text type="warning">{t('field.day.log.offlineEdit')}</Typography.Text>
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            disabled={!!log && !online}
            loading={update.isPending}
            data-testid="worklog-submit"
          >
            {log ? t('field.day.log.update') : t('field.day.log.submit')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
