import { App, Alert, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORG_LEVELS, UNIT_LEVELS, levelPlacementError, type OrgLevel } from '@civicgrid/shared/orgs';
import { applyFieldErrors, explainedByFields } from '../../lib/form-errors';
import { errorMessage } from '../../lib/error-message';
import { useLang } from '../../lib/use-lang';
import { ORG_CODE, orgKeys, orgWrites, type Org } from './org-api';

interface Values {
  name: string;
  code?: string;
  level: OrgLevel;
}
const FIELDS = ['name', 'code', 'level'] as const;

/** The usual next step down (street → community …); departments when nothing deeper fits. */
function defaultChildLevel(parent: OrgLevel): OrgLevel {
  const next = UNIT_LEVELS[UNIT_LEVELS.indexOf(parent as (typeof UNIT_LEVELS)[number]) + 1];
  return next && parent !== 'department' ? next : 'department';
}

interface Props {
  parent: Org;
  onClose: () => void;
  onCreated: (org: Org) => void;
}

export function OrgCreateModal({ parent, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { levelLabel } = useLang();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const create = useMutation({
    mutationFn: (values: Values) =>
      orgWrites.create({
        parentId: parent.id,
        name: values.name.trim(),
        code: values.code?.trim() || undefined,
        level: values.level,
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void message.success(t('org.created', { name: created.name }));
      onCreated(created);
    },
    onError: (error) => applyFieldErrors(form, FIELDS, error),
  });

  const levelOptions = ORG_LEVELS.map((level) => {
    const reason = levelPlacementError(parent.level, level);
    return {
      value: level,
      label: levelLabel(level),
      disabled: reason !== null,
      title: reason
        ? t('org.levelNotAllowed', { child: levelLabel(level), parent: levelLabel(parent.level) })
        : undefined,
    };
  });

  return (
    <Modal
      open
      title={t('org.addChildTitle', { name: parent.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ level: defaultChildLevel(parent.level) }}
        onFinish={(values) => create.mutate(values)}
        data-testid="org-create-form"
      >
        {create.isError && !explainedByFields(create.error, FIELDS) && (
          <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('org.name') }) },
            { max: 100 },
          ]}
        >
          <Input placeholder={t('org.namePlaceholder')} maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.code')}
          rules={[{ pattern: ORG_CODE, message: t('org.codeRule') }]}
        >
          <Input placeholder={t('org.codePlaceholder')} maxLength={40} />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('org.level')}
          rules={[
            { required: true, message: t('org.levelPlaceholder') },
            {
              validator: async (_rule, value: OrgLevel | undefined) => {
                if (value && levelPlacementError(parent.level, value)) {
                  throw new Error(
                    t('org.levelNotAllowed', { child: levelLabel(value), parent: levelLabel(parent.level) }),
                  );
                }
              },
            },
          ]}
        >
          <Select options={levelOptions} placeholder={t('org.levelPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
