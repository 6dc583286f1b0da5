import { App, Form, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORG_LEVELS, UNIT_LEVELS, levelPlacementError, type OrgLevel } from '@civicgrid/shared/orgs';
import { FormModal } from '../../kit/FormModal';
import { OrgNameCodeItems } from './OrgNameCodeItems';
import { applyFieldErrors } from '../../lib/form-errors';
import { useLang } from '../../lib/use-lang';
import { orgKeys, orgWrites, type Org } from './org-api';

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
    <FormModal<Values>
      title={t('org.addChildTitle', { name: parent.name })}
      form={form}
      fields={FIELDS}
      saving={create.isPending}
      error={create.error}
      onFinish={(values) => create.mutate(values)}
      onClose={onClose}
      initialValues={{ level: defaultChildLevel(parent.level) }}
      testId="org-create-form"
    >
      <OrgNameCodeItems namePlaceholder={t('org.namePlaceholder')} />
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
    </FormModal>
  );
}
