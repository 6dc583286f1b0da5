import { useMemo } from 'react';
import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_STATES, VOLUNTEER_KINDS } from '@civicgrid/shared/volunteers';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { CertTag, useKindLabel } from './labels';
import { RegisterVolunteerModal } from './RegisterVolunteerModal';
import { useTeams, volunteerKeys, type Volunteer } from './volunteers-api';

const VOLUNTEERS = { path: '/api/volunteers', key: volunteerKeys.list };

/** 志愿者: real-name volunteers with their kind, team, skills and certificate state; masked like the registry. */
export default function VolunteerListPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const teams = useTeams();
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('volunteers.list.search') }),
      select(
        'kind',
        VOLUNTEER_KINDS.map((k) => ({ value: k, label: t(`volunteers.kinds.${k}`) })),
        {
          placeholder: t('volunteers.field.kind'),
          width: 170,
        },
      ),
      select(
        'teamId',
        (teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name })),
        {
          placeholder: t('volunteers.field.team'),
          width: 180,
        },
      ),
      select(
        'certificate',
        CERTIFICATE_STATES.map((c) => ({ value: c, label: t(`volunteers.certStates.${c}`) })),
        {
          placeholder: t('volunteers.field.certState'),
          width: 150,
          testId: 'volunteer-filter-cert',
        },
      ),
    ],
    [t, teams.data],
  );
  const columns: TableColumnsType<Volunteer> = [
    {
      title: t('volunteers.field.name'),
      key: 'name',
      render: (_, v) => (
        <Link to={`/volunteers/${v.id}`} data-testid="volunteer-open">
          {v.name}
        </Link>
      ),
    },
    { title: t('volunteers.field.idNumber'), dataIndex: 'idNumber' },
    { title: t('volunteers.field.phone'), dataIndex: 'phone' },
    { title: t('volunteers.field.kind'), key: 'kind', render: (_, v) => kindLabel(v.kind, v.subtype) },
    { title: t('volunteers.field.team'), dataIndex: 'teamName' },
    { title: t('volunteers.field.org'), dataIndex: 'orgName' },
    {
      title: t('volunteers.field.skills'),
      key: 'skills',
      render: (_, v) => (
        <Space size={2} wrap>
          {v.skills.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('volunteers.field.certificate'),
      key: 'cert',
      render: (_, v) => (
        <Space size={4}>
          <CertTag state={v.certificateState} />
          {v.certificate?.validTo && (
            <Typography.Text type="secondary">{v.certificate.validTo}</Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  return (
    <ListPage<Volunteer>
      title={t('volunteers.list.title')}
      resource={VOLUNTEERS}
      filters={filters}
      columns={columns}
      export={{ path: '/api/volunteers/export', baseName: 'volunteers', testId: 'volunteer-export' }}
      create={{
        permission: 'volunteer.manage',
        label: t('volunteers.list.register'),
        testId: 'volunteer-register',
        modal: RegisterVolunteerModal,
      }}
      emptyText={t('volunteers.list.empty')}
      testId="volunteer-table"
    />
  );
}
