import { useMemo, useState } from 'react';
import { App, Alert, Button, Card, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { QueryError } from '../../components/QueryError';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';
import { recentQuarters, useQuarterlyReturn, type QuarterlyReturn } from './stars-api';

const figure = (unit: 'count' | 'rate', v: number | null | undefined) =>
  v === null || v === undefined
    ? '—'
    : unit === 'rate'
      ? `${(v * 100).toFixed(2)}%`
      : Number.isInteger(v)
        ? String(v)
        : v.toFixed(1);

/** 调解工作季报: the quarter's figures from the indicator registry, and the same return as Excel or PDF. */
export default function QuarterlyReturnPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const quarters = useMemo(() => recentQuarters(), []);
  const [quarter, setQuarter] = useState(quarters[1]!);
  const [orgId, setOrgId] = useState<string | undefined>();
  const r = useQuarterlyReturn(quarter, orgId);
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadFile(
        '/api/mediation/quarterly-return/file',
        { quarter, orgId, format },
        `mediation-return-${quarter}.${format}`,
      );
    } catch (e) {
      void message.error(errorMessage(t, e));
    } finally {
      setBusy(null);
    }
  };
  const d = r.data;
  const rows = (d?.indicators ?? []).map((i) => ({ ...i, value: figure(i.unit, d?.total[i.code]) }));
  const unitColumns = [
    { title: t('mediationStars.quarterlyReturn.unit'), dataIndex: 'name', fixed: 'left' as const },
    ...(d?.indicators ?? []).map((i) => ({
      title: i.name[lang],
      key: i.code,
      align: 'right' as const,
      render: (_: unknown, u: QuarterlyReturn['units'][number]) => figure(i.unit, u.values[i.code]),
    })),
  ];
  return (
    <Card
      title={t('mediationStars.quarterlyReturn.title')}
      data-testid="quarterly-return-page"
      extra={
        <Space wrap>
          <Select
            value={quarter}
            onChange={setQuarter}
            options={quarters.map((q) => ({ value: q, label: q }))}
            style={{ width: 120 }}
            aria-label={t('mediationStars.quarter')}
            data-testid="return-quarter"
          />
          <OrgTreeSelect
            value={orgId ?? d?.org.id ?? null}
            onChange={setOrgId}
            style={{ width: 200 }}
            aria-label={t('mediationStars.quarterlyReturn.unit')}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'xlsx'}
            onClick={() => void download('xlsx')}
            data-testid="return-xlsx"
          >
            {t('mediationStars.quarterlyReturn.xlsx')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'pdf'}
            onClick={() => void download('pdf')}
            data-testid="return-pdf"
          >
            {t('mediationStars.quarterlyReturn.pdf')}
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        message={t('mediationStars.quarterlyReturn.hint')}
        style={{ marginBottom: 12 }}
      />
      {r.isError ? (
        <QueryError error={r.error} onRetry={() => void r.refetch()} />
      ) : (
        <>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            loading={r.isLoading}
            dataSource={rows}
            data-testid="return-figures"
            style={{ maxWidth: 520, marginBottom: 24 }}
            columns={[
              {
                title: t('mediationStars.quarterlyReturn.item'),
                key: 'name',
                render: (_, i) => i.name[lang],
              },
              {
                title: `${d?.org.name ?? ''} ${t('mediationStars.quarterlyReturn.total')}`,
                dataIndex: 'value',
                align: 'right',
              },
            ]}
          />
          {!!d?.units.length && (
            <Card size="small" title={t('mediationStars.quarterlyReturn.byUnit')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={d.units}
                columns={unitColumns}
                scroll={{ x: 'max-content' }}
              />
            </Card>
          )}
        </>
      )}
    </Card>
  );
}
