import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  MANAGEMENT_LEVELS,
  SPECIAL_CATEGORIES,
  SUBCATEGORIES,
  TEAM_ROLES,
  type SpecialCategory,
  type SpecialFileCreate,
  type TeamMemberInput,
} from '@civicgrid/shared/special-populations';
import { useAuth } from '../../app/auth';
import { SubjectPicker } from '../../kit/SubjectPicker';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';
import { useSubLabel } from './labels';
import { specialApi, specialKeys } from './special-api';

type DateField = 'startDate' | 'plannedEnd' | 'effectiveDate' | 'releaseDate';
type Values = Omit<SpecialFileCreate, DateField | 'team' | 'responsibleOrgId'> & {
  [K in DateField]?: Dayjs;
} & { team: Partial<TeamMemberInput>[] };

const FIELDS = [
  'personId',
  'category',
  'subcategory',
  'managementLevel',
  'riskLevel',
  'guardianName',
  'guardianPhone',
  'startDate',
  'plannedEnd',
  'effectiveDate',
  'releaseDate',
  'note',
  'team',
];
const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);

/** 建档立卡: the person from the registry (or registered here with the GB 11643 checks), category and its facts. */
export default function SpecialFileNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me, can } = useAuth();
  const sub = useSubLabel();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const category = (Form.useWatch('category', form) ??
    params.get('category') ??
    'corrections') as SpecialCategory;
  const categories = SPECIAL_CATEGORIES.filter((c) => can(`class.${c}.read`));
  const create = useMutation({
    mutationFn: (v: Values) =>
      specialApi.create({
        ...v,
        responsibleOrgId: me.user.orgId,
        startDate: day(v.startDate)!,
        plannedEnd: day(v.plannedEnd),
        effectiveDate: day(v.effectiveDate),
        releaseDate: day(v.releaseDate),
        team: v.team.filter((m) => m.name && m.role) as TeamMemberInput[],
      }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: specialKeys.all });
      void message.success(t('special.form.done'));
      void navigate(`/special/files/${r.id}`);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, FIELDS, err)) void message.error(errorMessage(t, err));
    },
  });
  return (
    <Card title={t('special.form.title')} data-testid="special-new-form">
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={{ category: categories.includes(category) ? category : categories[0], team: [] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="personId" label={t('special.field.person')} rules={[{ required: true }]}>
          <SubjectPicker type="person" allowCreate data-testid="special-person-picker" />
        </Form.Item>
        <Space wrap size="middle">
          <Form.Item name="category" label={t('special.field.category')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              data-testid="special-category"
              onChange={() => form.setFieldsValue({ subcategory: undefined, managementLevel: undefined })}
              options={categories.map((c) => ({ value: c, label: t(`special.category.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="subcategory" label={t('special.field.subcategory')}>
            <Select
              style={{ width: 200 }}
              allowClear
              data-testid="special-subcategory"
              options={SUBCATEGORIES[category].map((s) => ({ value: s, label: sub(s) }))}
            />
          </Form.Item>
          <Form.Item
            name="managementLevel"
            label={t('special.field.managementLevel')}
            rules={[{ required: true }]}
          >
            <Select
              style={{ width: 150 }}
              data-testid="special-level"
              options={MANAGEMENT_LEVELS[category].map((s) => ({ value: s, label: t(`special.level.${s}`) }))}
            />
          </Form.Item>
          {category === 'mental' && (
            <Form.Item name="riskLevel" label={t('special.field.riskLevel')} rules={[{ required: true }]}>
              <InputNumber min={0} max={5} />
            </Form.Item>
          )}
        </Space>
        <Space wrap size="middle">
          <Form.Item name="startDate" label={t('special.field.startDate')} rules={[{ required: true }]}>
            <DatePicker data-testid="special-start" />
          </Form.Item>
          <Form.Item name="plannedEnd" label={t('special.field.plannedEnd')}>
            <DatePicker data-testid="special-end" />
          </Form.Item>
          {category === 'corrections' && (
            <Form.Item
              name="effectiveDate"
              label={t('special.field.effectiveDate')}
              rules={[{ required: true }]}
            >
              <DatePicker data-testid="special-effective" />
            </Form.Item>
          )}
          {category === 'released' && (
            <Form.Item name="releaseDate" label={t('special.field.releaseDate')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          )}
        </Space>
        {category === 'mental' && (
          <Space wrap size="middle">
            <Form.Item name="guardianName" label={t('special.field.guardianName')}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="guardianPhone" label={t('special.field.guardianPhone')}>
              <Input maxLength={20} />
            </Form.Item>
          </Space>
        )}
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <Form.Item label={t('special.field.team')}>
              {fields.map((f) => (
                <Space
                  key={f.key}
                  align="start"
                  wrap
                  style={{ display: 'flex' }}
                  data-testid="special-member"
                >
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 130 }}
                      placeholder={t('special.field.role')}
                      options={TEAM_ROLES.map((r) => ({ value: r, label: t(`special.teamRole.${r}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input
                      placeholder={t('special.field.memberName')}
                      maxLength={40}
                      style={{ width: 150 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'sex']}>
                    <Select
                      style={{ width: 90 }}
                      placeholder={t('special.field.sex')}
                      options={(['male', 'female'] as const).map((s) => ({
                        value: s,
                        label: t(`special.sex.${s}`),
                      }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ role: 'cadre' })}
                data-testid="special-add-member"
              >
                {t('special.form.addMember')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="note" label={t('special.field.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="special-submit">
          {t('special.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
