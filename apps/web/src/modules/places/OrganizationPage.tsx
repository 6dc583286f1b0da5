import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { PageLoading } from '../../components/PageLoading';
import { QueryError } from '../../components/QueryError';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { FormModal } from '../../kit/FormModal';
import { OrganizationFormModal } from './OrganizationForm';
import { useOrganization, usePlacesMutation, type Employee, type OrganizationDetail } from './places-api';
import { DateInput, PersonSelect, todayText } from './ui';

export default function OrganizationPage() {
  const { id = '' } = useParams();
  const org = useOrganization(id);
  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  if (!org.data) return <PageLoading />;
  return <OrganizationView o={org.data} />;
}

function OrganizationView({ o }: { o: OrganizationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('registry.manage');
  const canReveal = useCan('person.sensitive.read');
  const [editing, setEditing] = useState(false);
  const [hiring, setHiring] = useState(false);
  const [clear, setClear] = useState<{
    phone: string | null;
    safetyContactPhone: string | null;
    employees: { id: string; idNumber: string; phone: string | null }[];
  }>();
  const hire = usePlacesMutation<{ personId: string; position?: string; fromDate: string }>(
    'POST',
    () => `/api/organizations/${o.id}/employees`,
  );
  const end = usePlacesMutation<{ _id: string; toDate: string }>(
    'POST',
    (b) => `/api/employments/${b._id}/end`,
  );
  const reveal = async () => {
    try {
      setClear(await api(`/api/organizations/${o.id}/reveal`, { method: 'POST' }));
      void message.info(t('places.common.revealed'));
    } catch (error) {
      void message.error(errorMessage(t, error));
    }
  };
  const clearOf = (e: Employee) => clear?.employees.find((c) => c.id === e.id);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={
          <Space>
            {o.name}
            <Tag>{t(`places.org.kinds.${o.kind as 'shop'}`)}</Tag>
            {o.status === 'closed' && <Tag>{t('places.org.statusClosed')}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {canReveal && <Button onClick={() => void reveal()}>{t('places.common.reveal')}</Button>}
            {canManage && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
            <Link to="/organizations">{t('places.common.back')}</Link>
          </Space>
        }
        data-testid="org-card"
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('places.org.creditCode')}>{o.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('places.org.legalRep')}>{o.legalRep}</Descriptions.Item>
          <Descriptions.Item label={t('places.org.phone')}>{clear ? clear.phone : o.phone}</Descriptions.Item>
          <Descriptions.Item label={t('places.org.address')}>{o.address}</Descriptions.Item>
          <Descriptions.Item label={t('places.org.grid')}>
            <span data-testid="org-grid">{o.gridName}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('places.org.community')}>{o.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('places.org.safetyContact')}>{o.safetyContactName}</Descriptions.Item>
          <Descriptions.Item label={t('places.org.safetyContactPhone')}>
            {clear ? clear.safetyContactPhone : o.safetyContactPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.common.notes')}>{o.note}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={`${t('places.org.employees')}（${t('places.org.employeeCount', { count: o.employeeCount })}）`}
        extra={
          canManage &&
          o.status === 'active' && (
            <Button type="primary" onClick={() => setHiring(true)} data-testid="org-add-employee">
              {t('places.org.addEmployee')}
            </Button>
          )
        }
      >
        <Table<Employee>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={o.employees}
          locale={{ emptyText: <Empty description={t('places.org.noEmployees')} /> }}
          columns={[
            { title: t('places.common.person'), dataIndex: 'name' },
            {
              title: t('places.rental.idNumber'),
              key: 'id',
              render: (_, e) => clearOf(e)?.idNumber ?? e.idNumber,
            },
            { title: t('places.rental.phone'), key: 'phone', render: (_, e) => clearOf(e)?.phone ?? e.phone },
            { title: t('places.org.position'), dataIndex: 'position' },
            { title: t('places.org.fromDate'), dataIndex: 'fromDate' },
            {
              title: t('places.org.toDate'),
              key: 'to',
              render: (_, e) =>
                e.toDate ??
                (canManage && (
                  <Popconfirm
                    title={t('places.org.endConfirm', { name: e.name })}
                    onConfirm={() =>
                      end
                        .mutateAsync({ _id: e.id, toDate: todayText() })
                        .catch((err: unknown) => void message.error(errorMessage(t, err)))
                    }
                  >
                    <Button size="small">{t('places.org.endEmployment')}</Button>
                  </Popconfirm>
                )),
            },
          ]}
        />
      </Card>
      <OrganizationFormModal open={editing} org={o} onClose={() => setEditing(false)} />
      <FormModal<{ personId: string; position?: string; fromDate: string }>
        open={hiring}
        title={t('places.org.addEmployee')}
        fields={['personId', 'position', 'fromDate']}
        initialValues={{ fromDate: todayText() }}
        onSubmit={(v) => hire.mutateAsync(v)}
        onClose={() => setHiring(false)}
        testId="employee-modal"
      >
        <Form.Item name="personId" label={t('places.common.person')} rules={[{ required: true }]}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="position" label={t('places.org.position')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="fromDate" label={t('places.org.fromDate')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
