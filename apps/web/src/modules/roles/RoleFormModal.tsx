import { App, Alert, Checkbox, Form, Input, Modal, Skeleton, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { QueryError } from '../../components/QueryError';
import { applyFieldErrors, explainedByFields } from '../../lib/form-errors';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { useLang } from '../../lib/use-lang';
import { groupPermissions, type PermissionGroup } from './permission-groups';
import { PermissionGroupLabel } from './PermissionGroupLabel';
import { roleKeys, roleWrites, usePermissionCatalog, type Role } from './role-api';

interface Values {
  code: string;
  name: string;
  nameEn?: string;
  permissions: string[];
}
const FIELDS = ['code', 'name', 'nameEn', 'permissions'] as const;
const ROLE_CODE = /^[a-z][a-z0-9_]{1,39}$/;

interface GroupProps {
  group: PermissionGroup;
  value: string[];
  onChange: (next: string[]) => void;
  grantable: (name: string) => boolean;
}

/** One group of checkboxes with an "all" box; permissions the author does not hold stay greyed. */
function PermissionGroupBoxes({ group, value, onChange, grantable }: GroupProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const names = group.items.map((item) => item.name);
  const usable = names.filter(grantable);
  const chosen = names.filter((name) => value.includes(name));
  const allChosen = usable.length > 0 && usable.every((name) => value.includes(name));

  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space style={{ marginBottom: 4 }}>
        <Typography.Text strong>
          <PermissionGroupLabel group={group.group} />
        </Typography.Text>
        <Checkbox
          checked={allChosen}
          indeterminate={chosen.length > 0 && !allChosen}
          disabled={usable.length === 0}
          onChange={(event) =>
            onChange(
              event.target.checked
                ? [...new Set([...value, ...usable])]
                : value.filter((name) => !usable.includes(name)),
            )
          }
        >
          {t('role.selectAll')}
        </Checkbox>
      </Space>
      <div>
        <Checkbox.Group
          value={chosen}
          onChange={(next) =>
            onChange([...value.filter((name) => !names.includes(name)), ...next.map(String)])
          }
          options={group.items.map((item) => ({
            value: item.name,
            label: lang === 'en' ? item.en : item.zh,
            disabled: !grantable(item.name),
          }))}
        />
      </div>
    </div>
  );
}

function PermissionPicker(props: {
  value?: string[];
  onChange?: (next: string[]) => void;
  groups: PermissionGroup[];
}) {
  const { me } = useAuth();
  const held = new Set(me.permissions);
  return (
    <div data-testid="role-permission-picker">
      {props.groups.map((group) => (
        <PermissionGroupBoxes
          key={group.group}
          group={group}
          value={props.value ?? []}
          onChange={(next) => props.onChange?.(next)}
          grantable={(name) => held.has(name)}
        />
      ))}
    </div>
  );
}

export function RoleFormModal({ role, onClose }: { role?: Role; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roleLabel } = useLang();
  const queryClient = useQueryClient();
  const catalog = usePermissionCatalog();
  const [form] = Form.useForm<Values>();

  const save = useMutation({
    mutationFn: (values: Values) => {
      const nameEn = values.nameEn?.trim() || null;
      return role
        ? roleWrites.update(role.id, {
            name: values.name.trim(),
            nameEn,
            permissions: values.permissions,
            version: role.version,
          })
        : roleWrites.create({
            code: values.code.trim(),
            name: values.name.trim(),
            nameEn,
            permissions: values.permissions,
          });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: roleKeys.all });
      if (role && saved.pendingChangeId && saved.pendingChangeId !== role.pendingChangeId)
        void message.info(t('roleChange.submitted'));
      else void message.success(role ? t('role.updated') : t('role.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => applyFieldErrors(form, FIELDS, error),
  });

  return (
    <Modal
      open
      title={role ? t('role.editTitle', { name: roleLabel(role) }) : t('role.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: isStaleVersion(save.error) }}
      destroyOnHidden
      width={680}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          role
            ? { code: role.code, name: role.name, nameEn: role.nameEn ?? '', permissions: role.permissions }
            : { permissions: [] }
        }
        onFinish={(values) => save.mutate(values)}
        data-testid="role-form"
      >
        {save.isError && !explainedByFields(save.error, FIELDS) && (
          <Alert
            type={isStaleVersion(save.error) ? 'warning' : 'error'}
            showIcon
            title={errorMessage(t, save.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item
          name="code"
          label={t('role.code')}
          rules={
            role
              ? []
              : [
                  { required: true, message: t('common.required', { field: t('role.code') }) },
                  { pattern: ROLE_CODE, message: t('role.codeRule') },
                ]
          }
        >
          <Input disabled={role !== undefined} maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('role.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('role.name') }) },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('role.nameEn')}>
          <Input maxLength={80} />
        </Form.Item>
        {catalog.isSuccess ? (
          <Form.Item
            name="permissions"
            label={t('role.permissions')}
            rules={[{ type: 'array', min: 1, message: t('role.permissionsRequired') }]}
          >
            <PermissionPicker groups={groupPermissions(catalog.data)} />
          </Form.Item>
        ) : (
          <Form.Item label={t('role.permissions')}>
            {catalog.isError ? (
              <QueryError error={catalog.error} onRetry={() => void catalog.refetch()} />
            ) : (
              <Skeleton active />
            )}
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
