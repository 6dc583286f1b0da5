import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Radio, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_ACTIONS } from '@civicgrid/shared/case-reply-templates';
import { FormModal } from '../../kit/FormModal';
import { errorMessage } from '../../lib/error-message';
import { newIdempotencyKey } from '../../lib/send-raw';
import { CategoryTreeSelect } from './CategoryTreeSelect';
import {
  templateApi,
  templateKeys,
  useReplyTemplates,
  type ReplyTemplate,
  type ReplyTemplateBody,
} from './reply-template-api';

const FIELDS = ['action', 'categoryId', 'title', 'body'] as const;

/** 常用回复 on 事件设置: the unit's texts for feedback, rejections, returns and call-backs. */
export function ReplyTemplatesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useReplyTemplates();
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: templateKeys.all });
  const f = 'caseReturn.templates';

  const columns: TableColumnsType<ReplyTemplate> = [
    { title: t(`${f}.name`), dataIndex: 'title', key: 'title', width: 160 },
    {
      title: t(`${f}.action`),
      key: 'action',
      width: 100,
      render: (_, r) => t(`case.action.${r.action}`),
    },
    {
      title: t(`${f}.category`),
      key: 'category',
      width: 120,
      render: (_, r) => r.categoryName ?? t(`${f}.allCategories`),
    },
    { title: t(`${f}.body`), dataIndex: 'body', key: 'body' },
    { title: t(`${f}.unit`), dataIndex: 'orgName', key: 'unit', width: 110 },
    {
      key: 'ops',
      width: 120,
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(r)} data-testid="template-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t(`${f}.removeConfirm`)}
            onConfirm={() =>
              templateApi
                .remove(r.id)
                .then(refresh, (err: unknown) => void message.error(errorMessage(t, err)))
            }
          >
            <Button size="small" type="link" danger data-testid="template-remove">
              {t(`${f}.remove`)}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const current = editing && editing !== 'new' ? editing : null;
  return (
    <Card
      title={t(`${f}.title`)}
      data-testid="case-settings-templates"
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="template-add">
          {t(`${f}.add`)}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t(`${f}.hint`)}</Typography.Paragraph>
      <Table<ReplyTemplate>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t(`${f}.empty`) }}
        data-testid="templates-table"
        scroll={{ x: 720 }}
      />
      <FormModal<ReplyTemplateBody>
        open={editing !== null}
        title={current ? t(`${f}.edit`) : t(`${f}.add`)}
        fields={FIELDS}
        testId="template-form"
        initialValues={
          current
            ? {
                action: current.action,
                categoryId: current.categoryId,
                title: current.title,
                body: current.body,
              }
            : { action: 'feedback', categoryId: null }
        }
        onClose={() => setEditing(null)}
        onReload={refresh}
        onSubmit={async (v) => {
          const body = { ...v, categoryId: v.categoryId ?? null };
          if (current) await templateApi.update(current.id, { ...body, version: current.version });
          else {
            await templateApi.create(body, key);
            setKey(newIdempotencyKey());
          }
          refresh();
        }}
      >
        <Form.Item name="action" label={t(`${f}.action`)} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="template-action"
            options={TEMPLATE_ACTIONS.map((a) => ({ value: a, label: t(`case.action.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="categoryId" label={t(`${f}.category`)}>
          <CategoryTreeSelect placeholder={t(`${f}.allCategories`)} />
        </Form.Item>
        <Form.Item name="title" label={t(`${f}.name`)} rules={[{ required: true, max: 60 }]}>
          <Input data-testid="template-title" />
        </Form.Item>
        <Form.Item name="body" label={t(`${f}.body`)} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={4} data-testid="template-body" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
