import { App, Alert, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyFieldErrors, explainedByFields } from '../../lib/form-errors';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { passwordPolicyRule } from '../../lib/password-rule';
import { useLang } from '../../lib/use-lang';
import type { OrgTreeNode } from '../orgs/org-api';
import { useRoles } from '../roles/role-api';
import { PHONE_PATTERN, USERNAME_PATTERN, userKeys, userWrites, type User } from './user-api';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  orgId: string;
  roleIds: string[];
  password?: string;
}
// Disabled units are listed (a user may still sit in one) but cannot be chosen.
const isEnabledOrg = (node: OrgTreeNode) => !node.disabled;
const FIELDS = ['username', 'displayName', 'phone', 'orgId', 'roleIds', 'password'] as const;

interface Props {
  /** Absent: create a new user. */
  user?: User;
  defaultOrgId?: string;
  onClose: () => void;
}

export function UserFormModal({ user, defaultOrgId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const { roleLabel } = useLang();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [form] = Form.useForm<Values>();
  const editing = user !== undefined;
  // 三员分立: nobody changes their own roles or moves themselves; the API refuses, so the form does not offer it.
  const self = user?.id === me.user.id;
  // 三员分立: roles are granted and revoked by the security administrator alone (user.role.grant).
  const grants = new Set(me.permissions).has('user.role.grant');

  const save = useMutation({
    mutationFn: (values: Values) => {
      const phone = values.phone?.trim() || null;
      if (user) {
        return userWrites.update(user.id, {
          displayName: values.displayName.trim(),
          phone,
          ...(self ? {} : { orgId: values.orgId, roleIds: values.roleIds }),
          version: user.version,
        });
      }
      return userWrites.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        phone,
        orgId: values.orgId,
        roleIds: values.roleIds,
        password: values.password ?? '',
      });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(editing ? t('user.updated') : t('user.created', { name: saved.displayName }));
      onClose();
    },
    onError: (error) => applyFieldErrors(form, FIELDS, error),
  });

  const roleOptions = (roles.data ?? []).map((role) => ({
    value: role.id,
    label: roleLabel(role),
  }));

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <Modal
      open
      title={user ? t('user.editTitle', { name: user.displayName }) : t('user.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: isStaleVersion(save.error) }}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                phone: user.phone ?? '',
                orgId: user.orgId,
                roleIds: user.roles.map((role) => role.id),
              }
            : { orgId: defaultOrgId ?? me.user.orgId, roleIds: [] }
        }
        onFinish={(values) => save.mutate(values)}
        data-testid="user-form"
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
          name="username"
          label={t('user.username')}
          rules={
            editing
              ? []
              : [required(t('user.username')), { pattern: USERNAME_PATTERN, message: t('user.usernameRule') }]
          }
        >
          <Input disabled={editing} autoComplete="off" maxLength={40} autoFocus={!editing} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[{ ...required(t('user.displayName')), whitespace: true }, { max: 50 }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('user.phone')}
          rules={[{ pattern: PHONE_PATTERN, message: t('user.phoneRule') }]}
        >
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.org')} rules={[required(t('user.org'))]}>
          <OrgTreeSelect
            includeDisabled
            isSelectable={isEnabledOrg}
            disabled={self}
            style={{ width: '100%' }}
            data-testid="user-form-org"
          />
        </Form.Item>
        <Form.Item
          name="roleIds"
          label={t('user.roles')}
          extra={grants ? undefined : t('user.rolesGrantedBySecurity')}
        >
          <Select
            mode="multiple"
            disabled={self || !grants}
            options={roleOptions}
            loading={roles.isPending}
            placeholder={t('user.rolesPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="user-form-roles"
          />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('user.initialPassword')}
            extra={
              <>
                {t('password.hint')}
                <br />
                {t('user.initialPasswordHint')}
              </>
            }
            rules={[required(t('user.initialPassword')), passwordPolicyRule(t)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
