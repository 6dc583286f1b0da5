import { App, Button, Form, List, Select, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { api } from '../../lib/api';
import { FormModal } from '../../kit/FormModal';
import { CertTag } from './labels';
import {
  hhmm,
  shanghaiDay,
  useShiftSignins,
  volunteerKeys,
  volunteersApi,
  type RosterShift,
  type Volunteer,
} from './volunteers-api';

/** Who is on a shift (the API refuses an expired certificate, naming `assignees`), its sign-ins and their confirmation. */
export function AssignShiftModal({
  shift,
  postName,
  onClose,
}: {
  shift: RosterShift;
  postName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canAssign = useCan('post.manage');
  const people = useQuery({
    queryKey: [...volunteerKeys.list, 'active'],
    queryFn: () => api<{ items: Volunteer[] }>('/api/volunteers?status=active&limit=200'),
  });
  const signins = useShiftSignins(shift.id);
  const options = [
    ...shift.assignees
      .filter((a) => !(people.data?.items ?? []).some((v) => v.id === a.id))
      .map((a) => ({ value: a.id, label: a.name })),
    ...(people.data?.items ?? []).map((v) => ({
      value: v.id,
      label: (
        <Space size={4}>
          {v.name}
          <CertTag state={v.certificateState} />
        </Space>
      ),
      search: v.name,
    })),
  ];
  return (
    <FormModal<{ assignees: string[] }>
      title={`${postName} · ${shanghaiDay(shift.start)} ${hhmm(shift.start)}–${hhmm(shift.end)}`}
      fields={['assignees']}
      initialValues={{ assignees: shift.assignees.map((a) => a.id) }}
      testId="assign-form"
      okText={t('common.save')}
      onClose={onClose}
      onSubmit={async (v) => {
        await volunteersApi.assign(shift.id, shift.version, v.assignees ?? []);
        await qc.invalidateQueries({ queryKey: ['volunteers', 'roster'] });
      }}
    >
      <Form.Item name="assignees" label={t('volunteers.roster.assignees')}>
        <Select
          mode="multiple"
          disabled={!canAssign}
          data-testid="assign-select"
          options={options}
          showSearch={{
            filterOption: (input, o) =>
              String((o as { search?: string }).search ?? o?.label ?? '').includes(input),
          }}
        />
      </Form.Item>
      <Typography.Text strong>{t('volunteers.roster.signins')}</Typography.Text>
      <List
        size="small"
        data-testid="shift-signins"
        dataSource={signins.data?.items ?? []}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(s) => (
          <List.Item>
            <Space wrap>
              {s.name}
              <span>
                {hhmm(s.signedInAt)}–{s.signedOutAt ? hhmm(s.signedOutAt) : ''}
              </span>
              {s.hours !== null && <span>{s.hours} h</span>}
              {s.confirmed ? (
                <Tag color="green">{t('volunteers.field.confirmed')}</Tag>
              ) : (
                <Tag>{t('volunteers.field.notConfirmed')}</Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
      {canAssign && (
        <Button
          data-testid="shift-confirm"
          onClick={async () => {
            const r = await volunteersApi.confirm(shift.id);
            await qc.invalidateQueries({ queryKey: volunteerKeys.signins(shift.id) });
            void message.success(
              t('volunteers.roster.confirmed', { n: r.items.filter((i) => i.confirmed).length }),
            );
          }}
        >
          {t('volunteers.roster.confirm')}
        </Button>
      )}
    </FormModal>
  );
}
