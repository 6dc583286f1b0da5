import { useMemo } from 'react';
import { App, Form, Input, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TEAM_KINDS } from '@civicgrid/shared/volunteers';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormModal } from '../../kit/FormModal';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { volunteerKeys, volunteersApi, type Team } from './volunteers-api';

const TEAMS = { path: '/api/volunteer-teams', key: volunteerKeys.teams };

function NewTeamModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return (
    <FormModal<{ name: string; kind: string; orgId: string }>
      title={t('volunteers.team.create')}
      fields={['name', 'kind', 'orgId']}
      initialValues={{ kind: 'patrol' }}
      testId="team-form"
      onClose={onClose}
      onSubmit={async (v) => {
        await volunteersApi.createTeam({ name: v.name.trim(), kind: v.kind as 'patrol', orgId: v.orgId });
        await qc.invalidateQueries({ queryKey: volunteerKeys.teams });
        void message.success(t('volunteers.team.created'));
      }}
    >
      <Form.Item
        name="name"
        label={t('volunteers.field.name')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('volunteers.field.kind')} rules={[{ required: true }]}>
        <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`volunteers.teamKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="orgId" label={t('volunteers.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
    </FormModal>
  );
}

/** 志愿者队伍: teams by kind with their leader (who gets the understaffing alerts) and active members. */
export default function TeamsPage() {
  const { t } = useTranslation();
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('volunteers.field.name') }),
      select(
        'kind',
        TEAM_KINDS.map((k) => ({ value: k, label: t(`volunteers.teamKinds.${k}`) })),
        {
          placeholder: t('volunteers.field.kind'),
          width: 150,
        },
      ),
    ],
    [t],
  );
  const columns: TableColumnsType<Team> = [
    { title: t('volunteers.field.name'), dataIndex: 'name' },
    {
      title: t('volunteers.field.kind'),
      key: 'kind',
      render: (_, x) => t(`volunteers.teamKinds.${x.kind as 'patrol'}`),
    },
    { title: t('volunteers.field.org'), dataIndex: 'orgName' },
    { title: t('volunteers.field.leader'), key: 'leader', render: (_, x) => x.leaderName ?? '—' },
    { title: t('volunteers.field.members'), dataIndex: 'members' },
  ];
  return (
    <ListPage<Team>
      title={t('volunteers.team.title')}
      resource={TEAMS}
      filters={filters}
      columns={columns}
      create={{
        permission: 'volunteer.manage',
        label: t('volunteers.team.create'),
        modal: NewTeamModal,
        testId: 'team-create',
      }}
      emptyText={t('volunteers.team.empty')}
      testId="team-table"
    />
  );
}
