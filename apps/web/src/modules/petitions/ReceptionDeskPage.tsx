import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { PETITION_CATEGORIES, PETITION_CHANNELS, PETITION_CLASSES } from '@civicgrid/shared/petitions';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { petitionApi, type PetitionDetail } from './petition-api';
import { StatusTag } from './petition-ui';

type Lookup = Awaited<ReturnType<typeof petitionApi.lookup>>;
interface Values {
  channel: string;
  class: string;
  category: string;
  summary: string;
  demands: string;
  name?: string;
  phone?: string;
  peopleCount: number;
  address?: string;
}

/** 信访接待: look the petitioner up by ID number (their history shows a repeat before it is typed), then register. */
export default function ReceptionDeskPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [idNumber, setIdNumber] = useState('');
  const [found, setFound] = useState<Lookup | null>(null);
  const [done, setDone] = useState<PetitionDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const lookup = async () => {
    try {
      const r = await petitionApi.lookup(idNumber.trim());
      setFound(r);
      setDone(null);
      if (r.person?.name) form.setFieldValue('name', r.person.name);
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const { name, phone, peopleCount, address, ...rest } = v;
      const r = await petitionApi.register({
        ...rest,
        peopleCount,
        ...(address ? { address } : {}),
        petitioner: { idNumber: idNumber.trim(), ...(name ? { name } : {}), ...(phone ? { phone } : {}) },
      });
      setDone(r);
      setFailure(null);
      void queryClient.invalidateQueries({ queryKey: ['petitions'] });
      void message.success(t('petition.desk.registered', { number: r.number }));
    } catch (err) {
      // The registry's checks (GB 11643 …) name the field; the desk keeps the reason on screen.
      setFailure(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  const alerts = done?.alerts;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="petition-desk">
      <Card title={t('petition.desk.title')}>
        <Typography.Paragraph type="secondary">{t('petition.desk.lookupHint')}</Typography.Paragraph>
        <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
          <Input
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value)}
            placeholder={t('petition.desk.lookup')}
            onPressEnter={() => void lookup()}
            data-testid="desk-id-number"
          />
          <Button type="primary" onClick={() => void lookup()} data-testid="desk-lookup">
            {t('petition.desk.lookupAction')}
          </Button>
        </Space.Compact>
        {found && (
          <div style={{ marginTop: 16 }} data-testid="desk-person">
            <Alert
              type={found.person ? 'info' : 'warning'}
              showIcon
              title={
                found.person
                  ? t('petition.desk.known', { name: found.person.name, id: found.person.idNumber })
                  : t('petition.desk.unknown')
              }
            />
            <List
              style={{ marginTop: 12 }}
              header={<Typography.Text strong>{t('petition.desk.history')}</Typography.Text>}
              locale={{ emptyText: t('petition.desk.noHistory') }}
              dataSource={found.history}
              data-testid="desk-history"
              renderItem={(h) => (
                <List.Item>
                  <Space wrap>
                    <Link to={`/petitions/${h.id}`}>{h.number}</Link>
                    <StatusTag status={h.status} />
                    <span>{h.summary}</span>
                    <Typography.Text type="secondary">
                      {formatTime(h.receivedAt, 'YYYY-MM-DD')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </div>
        )}
      </Card>
      {done && (
        <Card data-testid="desk-done">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="success" showIcon title={t('petition.desk.registered', { number: done.number })} />
            {alerts?.repeat && (
              <Alert
                type="warning"
                showIcon
                data-testid="desk-repeat-alert"
                title={t('petition.desk.repeatAlert', {
                  count: alerts.repeat.count,
                  number: alerts.repeat.latestNumber,
                  answered: alerts.repeat.latestAnswered ? t('petition.desk.answeredSuffix') : '',
                })}
              />
            )}
            {alerts?.crossLevel && <Alert type="warning" showIcon title={t('petition.desk.crossAlert')} />}
            {alerts?.collective && <Alert type="info" showIcon title={t('petition.desk.collectiveAlert')} />}
            <Link to={`/petitions/${done.id}`} data-testid="desk-open">
              {t('petition.desk.open')}
            </Link>
          </Space>
        </Card>
      )}
      {found && (
        <Card title={t('petition.desk.form')}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={(v) => void submit(v)}
            initialValues={{ channel: 'desk', class: 'appeal', peopleCount: 1 }}
            style={{ maxWidth: 720 }}
          >
            <Space wrap size={16}>
              <Form.Item name="name" label={t('petition.desk.name')}>
                <Input data-testid="desk-name" />
              </Form.Item>
              <Form.Item name="phone" label={t('petition.desk.phone')}>
                <Input data-testid="desk-phone" />
              </Form.Item>
              <Form.Item name="peopleCount" label={t('petition.desk.peopleCount')}>
                <InputNumber min={1} data-testid="desk-people" />
              </Form.Item>
            </Space>
            <Space wrap size={16}>
              <Form.Item name="channel" label={t('petition.desk.channel')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 140 }}
                  options={PETITION_CHANNELS.map((c) => ({ value: c, label: t(`petition.channel.${c}`) }))}
                />
              </Form.Item>
              <Form.Item name="class" label={t('petition.desk.kind')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 140 }}
                  options={PETITION_CLASSES.map((c) => ({ value: c, label: t(`petition.class.${c}`) }))}
                />
              </Form.Item>
              <Form.Item name="category" label={t('petition.desk.category')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 160 }}
                  data-testid="desk-category"
                  options={PETITION_CATEGORIES.map((c) => ({ value: c, label: t(`petition.category.${c}`) }))}
                />
              </Form.Item>
            </Space>
            <Form.Item name="summary" label={t('petition.list.summary')} rules={[{ required: true }]}>
              <Input data-testid="desk-summary" maxLength={500} />
            </Form.Item>
            <Form.Item name="demands" label={t('petition.page.demands')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="desk-demands" maxLength={4000} />
            </Form.Item>
            <Form.Item name="address" label={t('petition.desk.address')}>
              <Input maxLength={400} />
            </Form.Item>
            {failure && (
              <Alert
                type="error"
                showIcon
                title={failure}
                style={{ marginBottom: 16 }}
                data-testid="desk-error"
              />
            )}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="desk-register">
              {t('petition.desk.register')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
