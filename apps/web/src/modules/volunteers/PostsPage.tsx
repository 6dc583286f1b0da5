import { useMemo } from 'react';
import { App, Form, Input, InputNumber, Select, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS, POST_KINDS } from '@civicgrid/shared/volunteers';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormModal } from '../../kit/FormModal';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { useTeams, volunteerKeys, volunteersApi, type Post } from './volunteers-api';

const POSTS = { path: '/api/volunteer-posts', key: volunteerKeys.posts };
const LINE = /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/;

interface Values {
  name: string;
  kind: string;
  placeKind: string;
  orgId: string;
  teamId?: string;
  address?: string;
  coverageStart: string;
  coverageEnd: string;
  minPerShift: number;
  pattern: string;
}

/** "06:00-14:00" lines → shifts, or null when a line is not one. */
export const parsePattern = (text: string) => {
  const lines = text.split('\n').filter((l) => l.trim());
  const out = lines.map((l) => LINE.exec(l)).map((m) => (m ? { start: m[1]!, end: m[2]! } : null));
  return out.length && out.every(Boolean) ? (out as { start: string; end: string }[]) : null;
};

function NewPostModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const teams = useTeams();
  return (
    <FormModal<Values>
      title={t('volunteers.post.create')}
      fields={[
        'name',
        'kind',
        'placeKind',
        'orgId',
        'teamId',
        'address',
        'coverageStart',
        'coverageEnd',
        'minPerShift',
        'pattern',
      ]}
      initialValues={{
        kind: 'fixed',
        placeKind: 'other',
        coverageStart: '00:00',
        coverageEnd: '24:00',
        minPerShift: 1,
        pattern: '06:00-14:00\n14:00-22:00\n22:00-06:00',
      }}
      testId="post-form"
      onClose={onClose}
      onSubmit={async (v) => {
        await volunteersApi.createPost({
          name: v.name.trim(),
          kind: v.kind as 'fixed',
          placeKind: v.placeKind as 'other',
          orgId: v.orgId,
          ...(v.teamId ? { teamId: v.teamId } : {}),
          ...(v.address?.trim() ? { address: v.address.trim() } : {}),
          coverageStart: v.coverageStart,
          coverageEnd: v.coverageEnd,
          minPerShift: v.minPerShift,
          pattern: parsePattern(v.pattern) ?? [],
        });
        await qc.invalidateQueries({ queryKey: volunteerKeys.all });
        void message.success(t('volunteers.post.created'));
      }}
    >
      <Form.Item
        name="name"
        label={t('volunteers.field.name')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={100} data-testid="post-name" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('volunteers.field.kind')}>
          <Select
            style={{ width: 150 }}
            options={POST_KINDS.map((k) => ({ value: k, label: t(`volunteers.postKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="placeKind" label={t('volunteers.post.address')}>
          <Select
            style={{ width: 150 }}
            options={PLACE_KINDS.map((k) => ({ value: k, label: t(`volunteers.placeKinds.${k}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="orgId" label={t('volunteers.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect data-testid="post-org" />
      </Form.Item>
      <Form.Item name="teamId" label={t('volunteers.field.team')}>
        <Select allowClear options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
      <Form.Item name="address" label={t('volunteers.post.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="coverageStart"
          label={t('volunteers.post.coverage')}
          rules={[{ pattern: /^\d{2}:\d{2}$/ }]}
        >
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="coverageEnd" label=" " rules={[{ pattern: /^\d{2}:\d{2}$/ }]}>
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="minPerShift" label={t('volunteers.post.minPerShift')}>
          <InputNumber min={1} max={50} data-testid="post-min" />
        </Form.Item>
      </Space>
      <Form.Item
        name="pattern"
        label={t('volunteers.post.pattern')}
        extra={t('volunteers.post.patternHint')}
        rules={[
          {
            validator: async (_, v: string) =>
              parsePattern(v ?? '')
                ? undefined
                : Promise.reject(new Error(t('volunteers.post.patternInvalid'))),
          },
        ]}
      >
        <Input.TextArea rows={3} data-testid="post-pattern" />
      </Form.Item>
    </FormModal>
  );
}

/** 值守岗位: 钉子岗, patrol routes and service points with the hours they must cover and their shift pattern. */
export default function PostsPage() {
  const { t } = useTranslation();
  const filters = useMemo(
    () => [
      search('q', { placeholder: t('volunteers.field.name') }),
      select(
        'kind',
        POST_KINDS.map((k) => ({ value: k, label: t(`volunteers.postKinds.${k}`) })),
        {
          placeholder: t('volunteers.field.kind'),
          width: 150,
        },
      ),
    ],
    [t],
  );
  const columns: TableColumnsType<Post> = [
    { title: t('volunteers.field.name'), dataIndex: 'name' },
    {
      title: t('volunteers.field.kind'),
      key: 'kind',
      render: (_, p) =>
        `${t(`volunteers.postKinds.${p.kind as 'fixed'}`)} · ${t(`volunteers.placeKinds.${p.placeKind as 'other'}`)}`,
    },
    { title: t('volunteers.field.org'), dataIndex: 'orgName' },
    { title: t('volunteers.field.team'), dataIndex: 'teamName' },
    {
      title: t('volunteers.post.coverage'),
      key: 'cov',
      render: (_, p) =>
        p.coverageStart === p.coverageEnd || (p.coverageStart === '00:00' && p.coverageEnd === '24:00')
          ? t('volunteers.post.roundTheClock')
          : `${p.coverageStart}–${p.coverageEnd}`,
    },
    {
      title: t('volunteers.post.pattern'),
      key: 'pat',
      render: (_, p) => p.pattern.map((s) => `${s.start}–${s.end}`).join('，'),
    },
    { title: t('volunteers.post.minPerShift'), dataIndex: 'minPerShift' },
  ];
  return (
    <ListPage<Post>
      title={t('volunteers.post.title')}
      resource={POSTS}
      filters={filters}
      columns={columns}
      create={{
        permission: 'post.manage',
        label: t('volunteers.post.create'),
        modal: NewPostModal,
        testId: 'post-create',
      }}
      emptyText={t('volunteers.post.empty')}
      testId="post-table"
    />
  );
}
