import { useCallback, useEffect } from 'react';
import { App, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormModal } from '../../kit/FormModal';
import { applyFieldErrors } from '../../lib/form-errors';
import {
  ORG_CODE,
  findNode,
  orgKeys,
  orgWrites,
  useOrgTree,
  type Org,
  type OrgTreeNode,
} from '../orgs/org-api';
import { gridKeys } from './grid-api';

interface Values {
  parentId: string;
  name: string;
  code: string;
}
const FIELDS = ['parentId', 'name', 'code'] as const;

/**
 * The next name and code for a community whose grids follow the usual pattern: 梅园社区第5网格 / SF010105 →
 * 梅园社区第6网格 / SF010106. Nothing is proposed where the existing grids follow no pattern.
 */
export function suggestNext(community: OrgTreeNode): { name?: string; code?: string } {
  const grids = community.children.filter((c) => c.level === 'grid');
  const n = grids.length + 1;
  const out: { name?: string; code?: string } = {};
  if (grids.every((g) => /^.*第\d+网格$/.test(g.name))) out.name = `${community.name}第${n}网格`;
  const prefix = community.code ?? '';
  const suffixes = grids.map((g) => (g.code?.startsWith(prefix) ? g.code.slice(prefix.length) : null));
  if (prefix && suffixes.length > 0 && suffixes.every((s) => s !== null && /^\d+$/.test(s))) {
    const width = suffixes[0]!.length;
    const next = Math.max(...suffixes.map(Number)) + 1;
    const taken = new Set(grids.map((g) => g.code));
    const code = `${prefix}${String(next).padStart(width, '0')}`;
    if (!taken.has(code)) out.code = code;
  }
  return out;
}

interface Props {
  defaultParentId?: string | null;
  onClose: () => void;
  onCreated: (grid: Org) => void;
}

/** A new grid under a community; its boundary is drawn right after. */
export function GridCreateModal({ defaultParentId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tree = useOrgTree(false);
  const [form] = Form.useForm<Values>();
  const isCommunity = useCallback((node: OrgTreeNode) => node.level === 'community', []);

  const create = useMutation({
    mutationFn: (v: Values) =>
      orgWrites.create({ parentId: v.parentId, name: v.name.trim(), code: v.code.trim(), level: 'grid' }),
    onSuccess: (grid) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void message.success(t('grid.create.done', { name: grid.name }));
      onCreated(grid);
    },
    onError: (error) => applyFieldErrors(form, FIELDS, error),
  });

  // Whenever the community (or the tree behind it) changes, propose what the user has not typed yet.
  const parentId = Form.useWatch('parentId', form);
  useEffect(() => {
    const node = parentId && tree.data ? findNode(tree.data, parentId) : undefined;
    if (!node) return;
    const next = suggestNext(node);
    if (!form.isFieldTouched('name')) form.setFieldValue('name', next.name);
    if (!form.isFieldTouched('code')) form.setFieldValue('code', next.code);
  }, [parentId, tree.data, form]);

  return (
    <FormModal<Values>
      title={t('grid.create.title')}
      okText={t('grid.create.submit')}
      form={form}
      fields={FIELDS}
      saving={create.isPending}
      error={create.error}
      onFinish={(v) => create.mutate(v)}
      onClose={onClose}
      initialValues={{ parentId: defaultParentId ?? undefined }}
      testId="grid-create-form"
    >
      <Form.Item
        name="parentId"
        label={t('grid.community')}
        rules={[{ required: true, message: t('grid.create.communityPlaceholder') }]}
      >
        <OrgTreeSelect
          isSelectable={isCommunity}
          placeholder={t('grid.create.communityPlaceholder')}
          style={{ width: '100%' }}
          data-testid="grid-create-parent"
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('grid.name')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('grid.name') }) },
          { max: 100 },
        ]}
      >
        <Input
          maxLength={100}
          placeholder={t('grid.create.namePlaceholder')}
          data-testid="grid-create-name"
        />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('grid.code')}
        extra={t('grid.create.codeHint')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('grid.code') }) },
          { pattern: ORG_CODE, message: t('org.codeRule') },
        ]}
      >
        <Input maxLength={40} placeholder="SF010106" data-testid="grid-create-code" />
      </Form.Item>
    </FormModal>
  );
}
