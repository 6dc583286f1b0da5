import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth, useCan } from '../../app/auth';
import { errorMessage } from '../../lib/error-message';
import { post, usePetitionStaff, useReceptionRecords } from './cases-api';
import { petitionKeys } from './petition-api';
import { useReceptionDays } from './work-api';

interface Values {
  leaderName: string;
  receptionDayId?: string;
  receivedOn: Dayjs;
  instruction: string;
  followUpOwnerId: string;
  followUpDue: Dayjs;
}

/** 接访记录 on the petition page: the leader's 批示, who follows up by when; a petition.leader records them. */
export function ReceptionRecordPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useAuth().me.user;
  const canRecord = useCan('petition.leader');
  const records = useReceptionRecords(id);
  const staff = usePetitionStaff('staff');
  const days = useReceptionDays();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const r = (k: 'leader' | 'day' | 'receivedOn' | 'instruction' | 'owner' | 'due') =>
    t(`petitionCases.reception.${k}`);
  const save = async (v: Values) => {
    try {
      await post(
        `/api/petitions/${id}/reception-records`,
        {
          leaderName: v.leaderName,
          ...(v.receptionDayId ? { receptionDayId: v.receptionDayId } : {}),
          receivedOn: v.receivedOn.format('YYYY-MM-DD'),
          instruction: v.instruction,
          followUpOwnerId: v.followUpOwnerId,
          followUpDue: v.followUpDue.format('YYYY-MM-DD'),
        },
        crypto.randomUUID(),
      );
      void message.success(t('petitionCases.reception.saved'));
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['petitions', id, 'reception-records'] });
      void queryClient.invalidateQueries({ queryKey: petitionKeys.events(id) });
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };
  return (
    <div data-testid="reception-records">
      <List
        size="small"
        dataSource={records.data?.items ?? []}
        locale={{ emptyText: t('petitionCases.reception.empty') }}
        renderItem={(x) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>
                {x.receivedOn} {x.leaderName}
                {x.place ? ` · ${x.place}` : ''}
              </Typography.Text>
              <Typography.Text>{x.instruction ?? t('petitionCases.board.masked')}</Typography.Text>
              <Typography.Text type="secondary">
                {r('owner')} {x.followUpOwnerName} · {r('due')} {x.followUpDue}{' '}
                {x.followUpOverdue && <Tag color="red">{t('petitionCases.reception.overdue')}</Tag>}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {canRecord && !open && (
        <Button onClick={() => setOpen(true)} data-testid="reception-record-add">
          {t('petitionCases.reception.add')}
        </Button>
      )}
      {open && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{
            receivedOn: dayjs(),
            followUpDue: dayjs().add(7, 'day'),
            followUpOwnerId: me?.id,
          }}
        >
          <Form.Item name="leaderName" label={r('leader')} rules={[{ required: true, max: 60 }]}>
            <Input data-testid="reception-record-leader" />
          </Form.Item>
          <Form.Item name="receptionDayId" label={r('day')}>
            <Select
              allowClear
              placeholder={t('petitionCases.reception.dayNone')}
              options={(days.data?.items ?? []).map((d) => ({
                value: d.id,
                label: `${d.day} ${d.leaderName}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="receivedOn" label={r('receivedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="instruction" label={r('instruction')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={2} data-testid="reception-record-instruction" />
          </Form.Item>
          <Form.Item name="followUpOwnerId" label={r('owner')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(staff.data?.items ?? []).map((u) => ({
                value: u.id,
                label: `${u.name}（${u.orgName}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="followUpDue" label={r('due')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="reception-record-save">
              {t('petitionCases.reception.add')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </div>
  );
}
