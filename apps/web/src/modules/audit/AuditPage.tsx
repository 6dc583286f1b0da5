import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditActionLabel } from '@civicgrid/shared/audit-labels';
import { useCan } from '../../app/auth';
import { useLang } from '../../lib/use-lang';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ExportButton } from '../../components/ExportButton';
import { formatTime } from '../../lib/time';
import { useAuditList, type AuditEntry, type AuditFilters } from './audit-api';
import { AuditFilterBar } from './AuditFilterBar';
import { EntityTypeLabel } from './EntityTypeLabel';

const hasValue = (value: unknown) =>
  value !== null && value !== undefined && !(typeof value === 'object' && Object.keys(value).length === 0);

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      {hasValue(value) ? (
        <pre className="cg-json">{JSON.stringify(value, null, 2)}</pre>
      ) : (
        <div>
          <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>
        </div>
      )}
    </div>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const canExport = useCan('audit.export');
  const [filters, setFilters] = useState<AuditFilters>({});
  const list = useAuditList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      width: 120,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 150,
      render: (action: string) => (
        <Tag
          color={
            action.includes('fail') || action.includes('lock') || action.includes('denied') ? 'red' : 'blue'
          }
          title={action}
        >
          {auditActionLabel(action, lang)}
        </Tag>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 150,
      render: (_, entry) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <EntityTypeLabel type={entry.entityType} />
          {entry.entityId && (
            // The full id is in the tooltip; eight characters are enough to tell rows apart at a glance.
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12, marginInlineStart: 6 }}
              title={entry.entityId}
            >
              {entry.entityId.slice(0, 8)}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary', ellipsis: true },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      key: 'ip',
      width: 130,
      render: (ip: string | null) => ip ?? '—',
    },
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        canExport && (
          <ExportButton
            path="/api/audit/export"
            query={{ ...filters }}
            baseName="audit-log"
            testId="audit-export"
          />
        )
      }
    >
      <AuditFilterBar value={filters} onChange={setFilters} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<AuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isPending}
            pagination={false}
            size="middle"
            scroll={{ x: 900 }}
            expandable={{
              rowExpandable: (entry) => hasValue(entry.before) || hasValue(entry.after),
              expandedRowRender: (entry) => (
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <JsonBlock title={t('audit.before')} value={entry.before} />
                  </Col>
                  <Col xs={24} md={12}>
                    <JsonBlock title={t('audit.after')} value={entry.after} />
                  </Col>
                </Row>
              ),
            }}
            locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
            data-testid="audit-table"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('audit.timezoneNote')}
          </Typography.Text>
          <LoadMore
            shown={rows.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
