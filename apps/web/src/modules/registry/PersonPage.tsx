import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { PageLoading } from '../../components/PageLoading';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/error-message';
import { PersonPlacesPanels } from '../places/person-panels';
import { HistoryList } from './HistoryList';
import { PersonFormModal } from './PersonFormModal';
import { RecordRequestModal } from '../subject-requests/RecordRequestModal';
import { revealPerson, usePerson, type PersonResidence, type RevealedPerson } from './registry-api';
import { ageOf, ageThisYear, PersonTags } from './shared-ui';

export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const person = usePerson(id);
  const canReveal = useCan('person.sensitive.read');
  const canManage = useCan('registry.manage');
  const [clear, setClear] = useState<RevealedPerson | null>(null);
  const [editing, setEditing] = useState(false);
  const canRequest = useCan('person.subject_request.manage');
  const [requesting, setRequesting] = useState(false);
  if (person.isPending) return <PageLoading />;
  if (person.isError) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;

  const reveal = async () => {
    try {
      setClear(await revealPerson(id));
    } catch (error) {
      void message.error(errorMessage(t, error));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {p.name}
            <Tag>{t(`registry.residenceType.${p.residenceType}`)}</Tag>
          </Space>
        }
        extra={
          <Space>
            {canReveal && !clear && (
              <Button icon={<EyeOutlined />} onClick={() => void reveal()} data-testid="person-reveal">
                {t('registry.person.show')}
              </Button>
            )}
            {canRequest && (
              <Button
                icon={<SafetyCertificateOutlined />}
                onClick={() => setRequesting(true)}
                data-testid="person-subject-request"
              >
                {t('subjectRequest.record')}
              </Button>
            )}
            {canManage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="person-profile">
          <Descriptions.Item label={t('registry.field.idType')}>
            {t(`registry.idType.${p.idType}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.field.idNumber')}>
            <code data-testid="person-id">{clear?.idNumber ?? p.idNumber}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.field.phone')}>
            {clear ? clear.phone : p.phone}
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.field.sex')}>
            {p.sex ? t(`registry.sex.${p.sex}`) : ''}
          </Descriptions.Item>
          {clear ? (
            <Descriptions.Item label={t('registry.field.birthDate')}>
              <span data-testid="person-birth">
                {clear.birthDate} {clear.birthDate ? `(${ageOf(clear.birthDate)})` : ''}
              </span>
            </Descriptions.Item>
          ) : (
            <Descriptions.Item label={t('registry.field.birthYear')}>
              <span data-testid="person-birth">
                {p.birthYear ?? ''} {p.birthYear ? `(${ageThisYear(p.birthYear)})` : ''}
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('registry.field.ethnicity')}>{p.ethnicity}</Descriptions.Item>
          <Descriptions.Item label={t('registry.field.nationality')}>{p.nationality}</Descriptions.Item>
          <Descriptions.Item label={t('registry.field.grid')}>{p.gridName}</Descriptions.Item>
          <Descriptions.Item label={t('registry.field.tags')}>
            <PersonTags codes={p.tags} />
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.field.householdAddress')}>
            {p.householdAddress}
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.field.address')}>{p.address}</Descriptions.Item>
          <Descriptions.Item label={t('registry.field.note')}>{p.note}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {clear ? t('registry.person.shown') : t('registry.person.masked')}
        </Typography.Text>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('registry.person.residences')}>
            <Table<PersonResidence>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.residences}
              locale={{ emptyText: <Empty description={t('registry.person.noResidence')} /> }}
              data-testid="person-residences"
              columns={[
                {
                  title: t('registry.field.houseNumber'),
                  dataIndex: 'houseNumber',
                  render: (v: string, r) => <Link to={`/houses/${r.houseId}`}>{v}</Link>,
                },
                { title: t('registry.field.address'), dataIndex: 'address' },
                {
                  title: t('registry.field.relation'),
                  dataIndex: 'relation',
                  render: (v: string) => t(`registry.relation.${v}` as 'registry.relation.owner'),
                },
                { title: t('registry.field.fromDate'), dataIndex: 'fromDate' },
                {
                  title: t('registry.field.toDate'),
                  dataIndex: 'toDate',
                  render: (v: string | null) => v ?? <Tag color="green">{t('registry.person.current')}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('registry.person.history')}>
            <HistoryList kind="persons" id={id} />
          </Card>
        </Col>
      </Row>
      <PersonPlacesPanels personId={id} />
      <PersonFormModal open={editing} person={p} onClose={() => setEditing(false)} />
      {requesting && <RecordRequestModal personId={id} onClose={() => setRequesting(false)} />}
    </Space>
  );
}
