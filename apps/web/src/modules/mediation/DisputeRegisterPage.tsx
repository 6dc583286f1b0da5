import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  DISPUTE_SOURCES,
  DISPUTE_TYPES,
  RISK_LEVELS,
  type DisputeRegisterInput,
} from '@civicgrid/shared/mediation';
import { SubjectPicker } from '../../kit/SubjectPicker';
import { applyFieldErrors } from '../../lib/form-errors';
import { errorMessage } from '../../lib/error-message';
import { mediationApi, mediationKeys, useBodyOptions } from './mediation-api';

type Values = Omit<DisputeRegisterInput, 'parties'> & {
  parties: { subjectType: 'person' | 'organization'; subjectId?: string; role: 'applicant' | 'respondent' }[];
};

const FIELDS = [
  'type',
  'source',
  'bodyId',
  'summary',
  'demands',
  'parties',
  'amountInvolved',
  'peopleInvolved',
];

/** 纠纷登记: a screening find or a desk visit, the parties picked from the registry (or registered inline). */
export default function DisputeRegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const bodies = useBodyOptions();
  const register = useMutation({
    mutationFn: (v: Values) =>
      mediationApi.register({
        ...v,
        parties: v.parties.filter((p) => p.subjectId).map((p) => ({ ...p, subjectId: p.subjectId! })),
      }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: mediationKeys.all });
      void message.success(t('mediation.register.done', { number: r.number }));
      void navigate(`/mediation/disputes/${r.id}`);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, FIELDS, err)) void message.error(errorMessage(t, err));
    },
  });
  return (
    <Card title={t('mediation.register.title')} data-testid="dispute-register">
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{
          source: 'screening',
          riskLevel: 'low',
          peopleInvolved: 2,
          escalationRisk: false,
          parties: [
            { subjectType: 'person', role: 'applicant' },
            { subjectType: 'person', role: 'respondent' },
          ],
        }}
        onFinish={(v) => register.mutate(v)}
      >
        <Space wrap size="middle">
          <Form.Item name="type" label={t('mediation.field.type')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              data-testid="register-type"
              options={DISPUTE_TYPES.map((x) => ({ value: x, label: x }))}
            />
          </Form.Item>
          <Form.Item name="source" label={t('mediation.field.source')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              options={DISPUTE_SOURCES.map((x) => ({ value: x, label: t(`mediation.sourceName.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="bodyId" label={t('mediation.field.body')} rules={[{ required: true }]}>
            <Select
              style={{ width: 280 }}
              showSearch
              optionFilterProp="label"
              loading={bodies.isPending}
              data-testid="register-body"
              options={bodies.data?.items.map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label={t('mediation.field.summary')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="register-summary" />
        </Form.Item>
        <Form.Item name="demands" label={t('mediation.field.demands')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <Form.Item label={t('mediation.field.parties')} required>
              {fields.map((f) => (
                <Space
                  key={f.key}
                  align="start"
                  wrap
                  style={{ display: 'flex' }}
                  data-testid="register-party"
                >
                  <Form.Item name={[f.name, 'role']} noStyle>
                    <Select
                      style={{ width: 120 }}
                      options={(['applicant', 'respondent'] as const).map((r) => ({
                        value: r,
                        label: t(`mediation.register.${r}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'subjectType']} noStyle>
                    <Select
                      style={{ width: 100 }}
                      onChange={() => form.setFieldValue(['parties', f.name, 'subjectId'], undefined)}
                      options={(['person', 'organization'] as const).map((k) => ({
                        value: k,
                        label: t(`mediation.register.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => (
                      <Form.Item name={[f.name, 'subjectId']} style={{ minWidth: 260, marginBottom: 8 }}>
                        <SubjectPicker
                          type={form.getFieldValue(['parties', f.name, 'subjectType']) ?? 'person'}
                          allowCreate
                          data-testid={`register-party-${f.name}`}
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
                  )}
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ subjectType: 'person', role: 'applicant' })}
              >
                {t('mediation.register.addParty')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Space wrap size="middle">
          <Form.Item name="amountInvolved" label={t('mediation.field.amountInvolved')}>
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="peopleInvolved" label={t('mediation.field.peopleInvolved')}>
            <InputNumber min={1} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="riskLevel" label={t('mediation.field.riskLevel')}>
            <Select
              style={{ width: 100 }}
              options={RISK_LEVELS.map((x) => ({ value: x, label: t(`mediation.risk.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="escalationRisk" valuePropName="checked" label=" ">
            <Checkbox>{t('mediation.field.escalationRisk')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="escalationNote" label={t('mediation.field.escalationNote')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="register-submit">
          {t('mediation.register.submit')}
        </Button>
      </Form>
    </Card>
  );
}
