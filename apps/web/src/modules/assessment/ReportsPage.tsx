import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { downloadFile } from '../../lib/download';
import { ExportButton } from '../../components/ExportButton';
import { PAGE_SIZE, type Page } from '../../lib/paging';
import { formatTime } from '../../lib/time';
import { LoadMore } from '../../components/LoadMore';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

interface Job {
  id: string;
  orgId: string;
  month: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
}
interface ReportFile {
  id: string;
  orgId: string;
  orgName: string;
  month: string;
  format: 'xlsx' | 'pdf';
  size: number;
  source: 'request' | 'sweep';
  generatedAt: string;
  final: boolean;
}

const download = (orgId: string, month: string, format: 'xlsx' | 'pdf') =>
  downloadFile('/api/reports/monthly', { orgId, month, format }, `report-${month}.${format}`);

export default function ReportsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [orgId, setOrgId] = useState<string | undefined>(me.user.orgId);
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [jobId, setJobId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const m = month.format('YYYY-MM');

  const start = useMutation({
    mutationFn: () => api<Job>('/api/reports/monthly', { method: 'POST', body: { orgId, month: m } }),
    onSuccess: (j) => setJobId(j.id),
  });
  const job = useQuery({
    queryKey: ['reports', 'job', jobId],
    enabled: !!jobId,
    queryFn: () => api<Job>(`/api/reports/jobs/${jobId}`),
    refetchInterval: (query) =>
      query.state.data && ['done', 'failed'].includes(query.state.data.status) ? false : 500,
  });
  useEffect(() => {
    if (job.data?.status === 'done') void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
  }, [job.data?.status, qc]);

  const list = useInfiniteQuery({
    queryKey: ['reports', 'list', q],
    queryFn: ({ pageParam }) =>
      api<Page<ReportFile>>('/api/reports', { query: { q, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const running = !!jobId && job.data?.status !== 'done' && job.data?.status !== 'failed';

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('assessment.reports.title')}>
        <Typography.Paragraph type="secondary">{t('assessment.reports.hint')}</Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('assessment.reports.unit')}>
            <OrgTreeSelect
              value={orgId}
              onChange={setOrgId}
              style={{ width: 240 }}
              data-testid="report-org"
            />
          </Form.Item>
          <Form.Item label={t('assessment.reports.month')}>
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => d && setMonth(d)}
            />
          </Form.Item>
          <Button
            type="primary"
            disabled={!orgId}
            loading={running}
            onClick={() => start.mutate()}
            data-testid="report-generate"
          >
            {running ? t('assessment.reports.generating') : t('assessment.reports.generate')}
          </Button>
        </Form>
        {jobId && job.data && (
          <div style={{ marginTop: 16, maxWidth: 560 }}>
            <Progress
              percent={job.data.progress}
              status={
                job.data.status === 'failed' ? 'exception' : job.data.status === 'done' ? 'success' : 'active'
              }
              data-testid="report-progress"
            />
            {job.data.status === 'done' && (
              <Space>
                <Typography.Text type="success">{t('assessment.reports.done')}</Typography.Text>
                <Button onClick={() => void download(job.data!.orgId, job.data!.month, 'xlsx')}>
                  {t('assessment.reports.downloadXlsx')}
                </Button>
                <Button onClick={() => void download(job.data!.orgId, job.data!.month, 'pdf')}>
                  {t('assessment.reports.downloadPdf')}
                </Button>
              </Space>
            )}
            {job.data.status === 'failed' && (
              <Alert
                type="error"
                showIcon
                title={t('assessment.reports.failed', { error: job.data.error ?? '' })}
              />
            )}
          </div>
        )}
        {start.isError && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(t, start.error)} />
        )}
      </Card>
      <Card
        title={t('assessment.reports.list')}
        extra={
          <Space>
            <Input.Search
              allowClear
              placeholder={t('assessment.reports.searchUnit')}
              onSearch={setQ}
              style={{ width: 200 }}
            />
            <ExportButton
              path="/api/reports/export"
              query={{ q }}
              baseName="reports"
              testId="reports-export"
            />
          </Space>
        }
      >
        <Table<ReportFile>
          rowKey="id"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t('assessment.reports.empty')} /> }}
          columns={[
            { title: t('assessment.reports.unit'), dataIndex: 'orgName' },
            { title: t('assessment.reports.month'), dataIndex: 'month' },
            {
              title: t('assessment.reports.format'),
              render: (_, r) => (
                <Tag color={r.format === 'pdf' ? 'red' : 'green'}>{r.format.toUpperCase()}</Tag>
              ),
            },
            {
              title: t('assessment.reports.size'),
              render: (_, r) => `${Math.max(1, Math.round(r.size / 1024))} KB`,
            },
            {
              title: t('assessment.reports.source'),
              render: (_, r) => t(`assessment.reports.sources.${r.source}`),
            },
            {
              title: t('assessment.reports.generatedAt'),
              render: (_, r) => (
                <Space>
                  {formatTime(r.generatedAt)}
                  {!r.final && <Tag>{t('assessment.reports.draft')}</Tag>}
                </Space>
              ),
            },
            {
              render: (_, r) => (
                <Button size="small" type="link" onClick={() => void download(r.orgId, r.month, r.format)}>
                  {r.format === 'pdf'
                    ? t('assessment.reports.downloadPdf')
                    : t('assessment.reports.downloadXlsx')}
                </Button>
              ),
            },
          ]}
        />
        <LoadMore
          shown={items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
    </Space>
  );
}
