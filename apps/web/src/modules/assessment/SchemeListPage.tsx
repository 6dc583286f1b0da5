import { useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ExportButton } from '../../components/ExportButton';
import { ASSESSEE_KINDS, useSchemes, type SchemeSummary } from './assessment-api';
import { SchemeEditor } from './SchemeEditor';

export default function SchemeListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const query = { q, assesseeKind: kind };
  const list = useSchemes(query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title={t('assessment.title')}
      extra={
        <Space>
          <ExportButton
            path="/api/assessment/schemes/export"
            query={query}
            baseName="schemes"
            testId="schemes-export"
          />
          {can('assessment.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="scheme-new"
            >
              {t('assessment.newScheme')}
            </Button>
          )}
        </Space>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('assessment.search')}
          onSearch={setQ}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={t('assessment.assessee')}
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={ASSESSEE_KINDS.map((k) => ({ value: k, label: t(`assessment.assesseeKinds.${k}`) }))}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<SchemeSummary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t('assessment.empty')} /> }}
          columns={[
            {
              title: t('assessment.name'),
              render: (_, s) => (
                <Space>
                  <Link to={`/assessment/${s.id}`}>{s.name}</Link>
                  {s.disabled && <Tag>{t('assessment.disabled')}</Tag>}
                </Space>
              ),
            },
            { title: t('assessment.org'), dataIndex: 'orgName' },
            { title: t('assessment.period'), render: (_, s) => t(`assessment.periodTypes.${s.periodType}`) },
            {
              title: t('assessment.assessee'),
              render: (_, s) => t(`assessment.assesseeKinds.${s.assesseeKind}`),
            },
            { title: t('assessment.indicatorCount'), dataIndex: 'indicatorCount' },
            {
              title: t('assessment.lastPublished'),
              render: (_, s) => s.lastPublished ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
          ]}
        />
      )}
      <LoadMore
        shown={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
      {creating && (
        <SchemeEditor
          scheme={null}
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/assessment/${id}`);
          }}
        />
      )}
    </Card>
  );
}
