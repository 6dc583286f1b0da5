import { useState } from 'react';
import { App, Button, Empty, Form, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SUBJECT_ROLES, type SubjectRole } from '@civicgrid/shared/records';
import { QueryError } from '../components/QueryError';
import { errorMessage } from '../lib/error-message';
import { FormModal } from './FormModal';
import { recordKeys, recordsApi, type RecordSubject, type SubjectSearchType } from './records-api';
import { SubjectPicker } from './SubjectPicker';

interface Props {
  ownerType: string;
  ownerId: string;
  /** The owner's write permission (a case: case.create); without it the list is read-only. */
  canWrite: boolean;
}

interface AddValues {
  subjectType: SubjectSearchType;
  subjectId: string;
  role: SubjectRole;
}

const PICKABLE: readonly SubjectSearchType[] = ['person', 'house', 'organization'];

/**
 * 当事人 / 关联对象: the registry entries a record names, each in its role, with names masked as the API gives
 * them. A holder of the owner's write permission adds one through the registry search and removes one.
 */
export function RecordSubjects({ ownerType, ownerId, canWrite }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = recordKeys.recordSubjects(ownerType, ownerId);
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => recordsApi.listRecordSubjects(ownerType, ownerId, signal),
  });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [form] = Form.useForm<AddValues>();
  const type = Form.useWatch('subjectType', form) ?? 'person';

  const remove = async (s: RecordSubject) => {
    setRemoving(s.id);
    try {
      await recordsApi.removeRecordSubject(ownerType, ownerId, s.id);
      void message.success(t('kit.subject.removed'));
    } catch (error) {
      void message.error(errorMessage(t, error));
    } finally {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };

  return (
    <div data-testid="record-subjects">
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List<RecordSubject>
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kit.subject.none')} />,
          }}
          renderItem={(s) => (
            <List.Item
              key={s.id}
              data-testid="record-subject"
              data-role={s.role}
              actions={
                canWrite
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('kit.subject.removeConfirm', { name: s.label })}
                        okText={t('kit.subject.remove')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true, 'data-testid': 'record-subject-remove-ok' }}
                        onConfirm={() => remove(s)}
                      >
                        <Button
                          type="text"
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          loading={removing === s.id}
                          aria-label={t('kit.subject.remove')}
                          data-testid="record-subject-remove"
                        />
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <Space size={4} wrap style={{ minWidth: 0 }}>
                <Tag color="blue">{t(`kit.subject.role.${s.role}`)}</Tag>
                <Tag>{t(`kit.subject.type.${s.subjectType}`)}</Tag>
                <Typography.Text style={{ wordBreak: 'break-all' }}>{s.label}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {canWrite && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginTop: 8 }}
          data-testid="record-subject-add"
        >
          {t('kit.subject.add')}
        </Button>
      )}
      <FormModal<AddValues>
        open={adding}
        form={form}
        title={t('kit.subject.addTitle')}
        fields={['subjectType', 'subjectId', 'role']}
        initialValues={{ subjectType: 'person', role: 'party' }}
        testId="record-subject-form"
        onClose={() => {
          // The form instance outlives the dialog: each opening starts empty.
          form.resetFields();
          setAdding(false);
        }}
        onSubmit={async (v) => {
          const r = await recordsApi.addRecordSubject(ownerType, ownerId, v);
          queryClient.setQueryData(key, r);
          void message.success(t('kit.subject.added'));
        }}
      >
        <Form.Item name="subjectType" label={t('kit.subject.typeLabel')}>
          <Select
            data-testid="record-subject-type"
            onChange={() => form.setFieldValue('subjectId', undefined)}
            options={PICKABLE.map((p) => ({ value: p, label: t(`kit.subject.type.${p}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="subjectId"
          label={t('kit.subject.who')}
          rules={[{ required: true, message: t('common.required', { field: t('kit.subject.who') }) }]}
        >
          <SubjectPicker key={type} type={type} allowCreate data-testid="record-subject-picker" />
        </Form.Item>
        <Form.Item name="role" label={t('kit.subject.roleLabel')} rules={[{ required: true }]}>
          <Select
            data-testid="record-subject-role"
            options={SUBJECT_ROLES.map((r) => ({ value: r, label: t(`kit.subject.role.${r}`) }))}
          />
        </Form.Item>
      </FormModal>
    </div>
  );
}
