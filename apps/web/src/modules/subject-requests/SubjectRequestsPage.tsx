import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { auditActionLabel } from '@civicgrid/shared/audit-labels';
import { QueryError } from '../../components/QueryError';
import { FormModal } from '../../kit/FormModal';
import { ListPage } from '../../kit/ListPage';
import { select } from '../../kit/filters';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { useLang } from '../../lib/use-lang';
import {
  subjectRequestKeys,
  useCloseRequest,
  useRequestDays,
  useSaveRequestDays,
  useSubjectRequest,
  type SubjectRequest,
  type SubjectRequestDetail,
} from './subject-request-api';

const RESOURCE = { path: '/api/subject-requests', key: subjectRequestKeys.all };
const STATUS_COLOR = { open: 'processing', done: 'success', refused: 'default' } as const;

function Due({ r }: { r: SubjectRequest }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      {formatTime(r.dueAt, 'YYYY-MM-DD')}
      {r.overdue && <Tag color="error">{t('subjectRequest.overdue')}</Tag>}
    </Space>
  );
}

/** 个人信息权利请求: the handler's list of requests by due day, each opened beside the list. */
export default function SubjectRequestsPage() {
  const { t } = useTranslation();
  // `?open=<id>`: the request just recorded on a person's page opens beside the list.
  const [params] = useSearchParams();
  const [open, setOpen] = useState<string | null>(() => params.get('open'));
  const [settings, setSettings] = useState(false);
  const filters = useMemo(
    () => [
      select(
        'status',
        (['open', 'done', 'refused'] as const).map((s) => ({
          value: s,
          label: t(`subjectRequest.status.${s}`),
        })),
        { defaultValue: 'open', width: 160, testId: 'subject-request-status' },
      ),
    ],
    [t],
  );
  const columns: TableColumnsType<SubjectRequest> = [
    {
      title: t('subjectRequest.field.person'),
      key: 'person',
      render: (_, r) => (
        <Typography.Link onClick={() => setOpen(r.id)} data-testid="subject-request-open">
          {r.personName}
        </Typography.Link>
      ),
    },
    {
      title: t('subjectRequest.field.kind'),
      key: 'kind',
      render: (_, r) => t(`subjectRequest.kind.${r.kind}`),
    },
    {
      title: t('subjectRequest.field.receivedAt'),
      key: 'rec',
      render: (_, r) => formatTime(r.receivedAt, 'YYYY-MM-DD HH:mm'),
    },
    { title: t('subjectRequest.field.dueAt'), key: 'due', render: (_, r) => <Due r={r} /> },
    {
      title: t('subjectRequest.field.status'),
      key: 'status',
      render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`subjectRequest.status.${r.status}`)}</Tag>,
    },
  ];
  return (
    <>
      <ListPage<SubjectRequest>
        title={t('subjectRequest.title')}
        resource={RESOURCE}
        filters={filters}
        columns={columns}
        extra={
          <Button
            icon={<SettingOutlined />}
            onClick={() => setSettings(true)}
            data-testid="subject-request-settings"
          >
            {t('subjectRequest.settings')}
          </Button>
        }
        renderCard={(r) => (
          <Space direction="vertical" size={2} onClick={() => setOpen(r.id)}>
            <Typography.Text strong>
              {r.personName} · {t(`subjectRequest.kind.${r.kind}`)}
            </Typography.Text>
            <Due r={r} />
          </Space>
        )}
        emptyText={t('subjectRequest.empty')}
        testId="subject-request-table"
      >
        <Typography.Paragraph type="secondary">{t('subjectRequest.subtitle')}</Typography.Paragraph>
      </ListPage>
      <RequestDrawer id={open} onClose={() => setOpen(null)} />
      {settings && <DaysModal onClose={() => setSettings(false)} />}
    </>
  );
}

function RequestDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { message } = App.useApp();
  const one = useSubjectRequest(id);
  const [closing, setClosing] = useState(false);
  const r = one.data;
  const download = async (req: SubjectRequestDetail) => {
    try {
      // The export is audited; the trail below shows it once the request is read again.
      await downloadFile(
        `/api/subject-requests/${req.id}/export`,
        {},
        `subject-request-${req.id.slice(0, 8)}.json`,
      );
      void one.refetch();
    } catch (error) {
      void message.error(errorMessage(t, error));
    }
  };
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={r?.personName}
      data-testid="subject-request-drawer"
    >
      {one.isError && <QueryError error={one.error} onRetry={() => void one.refetch()} />}
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('subjectRequest.field.person')}>
              <Link to={`/persons/${r.personId}`}>{r.personName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequest.field.kind')}>
              {t(`subjectRequest.kind.${r.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequest.field.detail')}>{r.detail}</Descriptions.Item>
            <Descriptions.Item label={t('subjectRequest.field.receivedAt')}>
              {formatTime(r.receivedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequest.field.dueAt')}>
              <Due r={r} />
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequest.field.status')}>
              <Tag color={STATUS_COLOR[r.status]} data-testid="subject-request-status-tag">
                {t(`subjectRequest.status.${r.status}`)}
              </Tag>
            </Descriptions.Item>
            {r.outcome && (
              <Descriptions.Item label={t('subjectRequest.field.outcome')}>{r.outcome}</Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void download(r)}
              data-testid="subject-request-export"
            >
              {t('subjectRequest.exportDossier')}
            </Button>
            {r.status === 'open' && (
              <Button type="primary" onClick={() => setClosing(true)} data-testid="subject-request-close">
                {t('subjectRequest.close')}
              </Button>
            )}
          </Space>
          <Typography.Text type="secondary">{t('subjectRequest.exportHint')}</Typography.Text>
          <Typography.Title level={5}>{t('subjectRequest.trail')}</Typography.Title>
          {r.auditTrail.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('subjectRequest.noTrail')} />
          )}
          <Timeline
            data-testid="subject-request-trail"
            items={r.auditTrail.map((e) => ({
              children: (
                <Space direction="vertical" size={0}>
                  <Typography.Text>{auditActionLabel(e.action, lang)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {formatTime(e.at, 'YYYY-MM-DD HH:mm')} {e.actorName ?? ''}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
          {closing && (
            <CloseModal request={r} onClose={() => setClosing(false)} onReload={() => void one.refetch()} />
          )}
        </Space>
      )}
    </Drawer>
  );
}

function CloseModal(p: { request: SubjectRequestDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const close = useCloseRequest(p.request.id);
  return (
    <FormModal<{ status: 'done' | 'refused'; outcome: string }>
      title={t('subjectRequest.closeTitle')}
      fields={['status', 'outcome']}
      initialValues={{ status: 'done' }}
      onClose={p.onClose}
      onReload={p.onReload}
      testId="subject-request-close-modal"
      onSubmit={async (v) => {
        await close.mutateAsync({ ...v, version: p.request.version });
        void message.success(t('subjectRequest.closed'));
      }}
    >
      <Form.Item name="status" label={t('subjectRequest.field.status')} rules={[{ required: true }]}>
        <Select
          options={(['done', 'refused'] as const).map((s) => ({
            value: s,
            label: t(`subjectRequest.status.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="outcome"
        label={t('subjectRequest.field.outcome')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="subject-request-outcome" />
      </Form.Item>
    </FormModal>
  );
}

function DaysModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const days = useRequestDays(true);
  const save = useSaveRequestDays();
  if (!days.data) return null;
  return (
    <FormModal<{ days: number }>
      title={t('subjectRequest.settings')}
      fields={['days']}
      initialValues={{ days: days.data.days }}
      onClose={onClose}
      testId="subject-request-days-modal"
      onSubmit={async (v) => {
        await save.mutateAsync(v.days);
        void message.success(t('subjectRequest.settingsSaved'));
      }}
    >
      <Form.Item
        name="days"
        label={t('subjectRequest.settingsDays')}
        extra={t('subjectRequest.settingsHint')}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={60} />
      </Form.Item>
    </FormModal>
  );
}
