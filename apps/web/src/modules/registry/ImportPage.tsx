import { useState } from 'react';
import { Alert, App, Button, Card, Progress, Space, Statistic, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';
import { useLang } from '../../lib/use-lang';
import { reasonLine } from './person-reasons';
import { formatTime } from '../../lib/time';
import { commitImport, uploadImport, useImportJob, type ImportJob } from './registry-api';

/** Upload → every row checked (the server streams the file) → report → commit the valid rows, with progress. */
export default function ImportPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const job = useImportJob(jobId);
  const j = job.data;

  const download = (path: string, name: string, query = {}) =>
    downloadFile(path, query, name).catch((error: unknown) =>
      message.error(t('common.exportFailed', { message: errorMessage(t, error) })),
    );

  const onFile = async (file: File) => {
    setUploading(true);
    try {
      const r = await uploadImport(file);
      setJobId(r.id);
    } catch (error) {
      void message.error(errorMessage(t, error));
    } finally {
      setUploading(false);
    }
    return false;
  };

  const commit = (x: ImportJob) =>
    modal.confirm({
      title: t('registry.import.commit', { count: x.okRows }),
      content: t('registry.import.commitConfirm', { count: x.okRows, bad: x.badRows }),
      okButtonProps: { 'data-testid': 'import-commit-confirm' } as Record<string, string>,
      onOk: async () => {
        try {
          const started = await commitImport(x.id);
          // An earlier runner still holds the job (it may have died): the server says when it can be resumed.
          if (started.resumesAt)
            void message.info(
              t('registry.import.resumesAt', { time: formatTime(started.resumesAt, 'HH:mm:ss') }),
            );
          await qc.invalidateQueries({ queryKey: ['imports', x.id] });
        } catch (error) {
          void message.error(errorMessage(t, error));
        }
      },
    });

  const busy = j && (j.status === 'validating' || j.status === 'committing');
  const percent = !j
    ? 0
    : j.status === 'committing' || j.status === 'done'
      ? Math.round((j.committedRows / Math.max(1, j.okRows)) * 100)
      : j.status === 'validated'
        ? 100
        : 0;

  return (
    <Card
      title={t('registry.import.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void download('/api/imports/templates/persons.xlsx', 'persons-template.xlsx')}
          data-testid="import-template"
        >
          {t('registry.import.template')}
        </Button>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('registry.import.uploadHint')}</Typography.Paragraph>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(f) => void onFile(f)}
          disabled={!!busy}
        >
          <Button icon={<UploadOutlined />} loading={uploading} disabled={!!busy} data-testid="import-upload">
            {j ? t('registry.import.again') : t('registry.import.upload')}
          </Button>
        </Upload>
        {j && (
          <>
            <Typography.Text strong>{j.filename}</Typography.Text>
            {busy && (
              <Progress
                percent={percent}
                status="active"
                data-testid="import-progress"
                format={() =>
                  j.status === 'validating' ? t('registry.import.checking') : `${j.committedRows}/${j.okRows}`
                }
              />
            )}
            {j.status === 'done' && (
              <Alert
                type="success"
                showIcon
                message={t('registry.import.done', { count: j.committedRows })}
                data-testid="import-done"
              />
            )}
            {j.status === 'failed' && (
              <Alert type="error" showIcon message={t('registry.import.failed', { error: j.error ?? '' })} />
            )}
            <Space size={48} data-testid="import-report">
              <Statistic title={t('registry.import.total')} value={j.totalRows} />
              <Statistic title={t('registry.import.ok')} value={j.okRows} valueStyle={{ color: '#389e0d' }} />
              <Statistic
                title={t('registry.import.bad')}
                value={j.badRows}
                valueStyle={{ color: j.badRows ? '#cf1322' : undefined }}
              />
              <Statistic title={t('registry.import.committed')} value={j.committedRows} />
            </Space>
            {j.badRows > 0 && (
              <>
                <Alert type="warning" showIcon message={t('registry.import.fixHint')} />
                <Table
                  rowKey="rowNo"
                  size="small"
                  pagination={false}
                  dataSource={j.badSample}
                  data-testid="import-bad-rows"
                  title={() => (
                    <Space>
                      {t('registry.import.badRows')}
                      <Button
                        size="small"
                        icon={<DownloadOutlined />}
                        onClick={() =>
                          void download(`/api/imports/${j.id}/errors`, 'import-errors.xlsx', {
                            format: 'xlsx',
                            lang,
                          })
                        }
                      >
                        {t('registry.import.downloadErrors')}
                      </Button>
                    </Space>
                  )}
                  columns={[
                    { title: t('registry.import.row'), dataIndex: 'rowNo', width: 80 },
                    { title: t('registry.field.name'), dataIndex: 'name' },
                    { title: t('registry.field.idNumber'), dataIndex: 'idNumber' },
                    {
                      title: t('registry.import.reason'),
                      key: 'reason',
                      render: (_, row) => (
                        <Space direction="vertical" size={0}>
                          {row.errors.map((e, i) => (
                            <span key={i}>{reasonLine(t, e)}</span>
                          ))}
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            )}
            {j.status === 'validated' && j.okRows > 0 && (
              <Button type="primary" onClick={() => commit(j)} data-testid="import-commit">
                {t('registry.import.commit', { count: j.okRows })}
              </Button>
            )}
            {j.status === 'done' && <Link to="/persons">{t('registry.persons.title')}</Link>}
          </>
        )}
      </Space>
    </Card>
  );
}
