import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useIndicators } from '../../lib/indicators';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ASSESSEE_KINDS, schemeKeys, type Indicator, type Metric, type Scheme } from './assessment-api';

interface Row {
  id?: string;
  kind: 'computed' | 'manual';
  name: string;
  metric?: string;
  direction?: 'higher' | 'lower';
  targetPct?: number;
  rule?: 'linear' | 'threshold';
  maxScore?: number;
  weight: number;
}
interface Values {
  name: string;
  orgId?: string;
  periodType: 'month' | 'quarter';
  assesseeKind: string;
  description?: string;
  indicators: Row[];
}
const FIELDS = ['name', 'orgId', 'periodType', 'assesseeKind', 'description', 'indicators'] as const;

function toRows(list: Scheme['indicators']): Row[] {
  return list.map((i) =>
    i.kind === 'computed'
      ? { ...i, targetPct: Math.round(i.target * 10000) / 100 }
      : { id: i.id, kind: 'manual', name: i.name, maxScore: i.maxScore, weight: i.weight },
  );
}

function toIndicators(rows: Row[]): Indicator[] {
  return rows.map((r) =>
    r.kind === 'computed'
      ? {
          ...(r.id ? { id: r.id } : {}),
          kind: 'computed',
          name: r.name,
          metric: (r.metric ?? 'closureRate') as Metric,
          direction: r.direction ?? 'higher',
          target: (r.targetPct ?? 0) / 100,
          rule: r.rule ?? 'linear',
          weight: r.weight,
        }
      : {
          ...(r.id ? { id: r.id } : {}),
          kind: 'manual',
          name: r.name,
          maxScore: r.maxScore ?? 0,
          weight: r.weight,
        },
  );
}

/** Creates or edits a scheme: indicator rows, with the weights' total checked against 100 before saving. */
export function SchemeEditor({ scheme, onClose }: { scheme: Scheme | null; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  // Whatever rates the modules have registered, not a list kept here.
  const rates = useIndicators('rate');
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const rows = (Form.useWatch('indicators', form) ?? []) as Row[];
  const total = Math.round(rows.reduce((s, r) => s + (Number(r?.weight) || 0), 0) * 100) / 100;
  const save = useMutation({
    mutationFn: (v: Values) =>
      scheme
        ? api<Scheme>(`/api/assessment/schemes/${scheme.id}`, {
            method: 'PATCH',
            body: {
              version: scheme.version,
              name: v.name,
              description: v.description ?? '',
              indicators: toIndicators(v.indicators),
            },
          })
        : api<Scheme>('/api/assessment/schemes', {
            method: 'POST',
            body: { ...v, indicators: toIndicators(v.indicators) },
          }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: schemeKeys.all });
      onClose(s.id);
    },
    onError: (e) => applyFieldErrors(form, FIELDS, e),
  });

  const add = (kind: Row['kind']) =>
    form.setFieldValue('indicators', [
      ...rows,
      kind === 'computed'
        ? {
            kind,
            name: '',
            metric: 'closureRate',
            direction: 'higher',
            targetPct: 90,
            rule: 'linear',
            weight: 0,
          }
        : { kind, name: '', maxScore: 10, weight: 0 },
    ]);

  return (
    <Modal
      open
      width={1000}
      title={scheme ? t('assessment.editScheme') : t('assessment.newScheme')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: total !== 100, loading: save.isPending }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          scheme
            ? { ...scheme, indicators: toRows(scheme.indicators) }
            : { periodType: 'month', assesseeKind: 'street', indicators: [] }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap size="large" align="start">
          <Form.Item
            name="name"
            label={t('assessment.name')}
            rules={[{ required: true }]}
            style={{ width: 280 }}
          >
            <Input maxLength={100} data-testid="scheme-name" />
          </Form.Item>
          {!scheme && (
            <Form.Item name="orgId" label={t('assessment.org')} style={{ width: 220 }}>
              <OrgTreeSelect />
            </Form.Item>
          )}
          <Form.Item name="periodType" label={t('assessment.period')}>
            <Select
              disabled={!!scheme}
              style={{ width: 120 }}
              options={(['month', 'quarter'] as const).map((v) => ({
                value: v,
                label: t(`assessment.periodTypes.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="assesseeKind" label={t('assessment.assessee')}>
            <Select
              disabled={!!scheme}
              style={{ width: 140 }}
              options={ASSESSEE_KINDS.map((v) => ({ value: v, label: t(`assessment.assesseeKinds.${v}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('assessment.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('assessment.indicators')} name="indicators" rules={[{ required: true }]}>
          <Form.List name="indicators">
            {(fields, { remove }) => (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                columns={[
                  {
                    title: t('assessment.kind'),
                    width: 80,
                    render: (_, f) => <Tag>{t(`assessment.kinds.${rows[f.name]?.kind ?? 'computed'}`)}</Tag>,
                  },
                  {
                    title: t('assessment.indicatorName'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true }]}>
                        <Input maxLength={60} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: `${t('assessment.metric')} / ${t('assessment.maxScore')}`,
                    render: (_, f) =>
                      rows[f.name]?.kind === 'manual' ? (
                        <Form.Item name={[f.name, 'maxScore']} noStyle>
                          <InputNumber min={1} max={1000} />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[f.name, 'metric']} noStyle>
                          <Select
                            style={{ width: 130 }}
                            loading={rates.isPending}
                            options={rates.data?.map((m) => ({ value: m.code, label: m.name }))}
                          />
                        </Form.Item>
                      ),
                  },
                  {
                    title: t('assessment.direction'),
                    render: (_, f) =>
                      rows[f.name]?.kind === 'computed' && (
                        <Form.Item name={[f.name, 'direction']} noStyle>
                          <Select
                            style={{ width: 110 }}
                            options={(['higher', 'lower'] as const).map((d) => ({
                              value: d,
                              label: t(`assessment.directions.${d}`),
                            }))}
                          />
                        </Form.Item>
                      ),
                  },
                  {
                    title: t('assessment.target'),
                    render: (_, f) =>
                      rows[f.name]?.kind === 'computed' && (
                        <Form.Item name={[f.name, 'targetPct']} noStyle>
                          <InputNumber min={0} max={100} step={1} style={{ width: 80 }} />
                        </Form.Item>
                      ),
                  },
                  {
                    title: t('assessment.rule'),
                    render: (_, f) =>
                      rows[f.name]?.kind === 'computed' && (
                        <Form.Item name={[f.name, 'rule']} noStyle>
                          <Select
                            style={{ width: 140 }}
                            options={(['linear', 'threshold'] as const).map((r) => ({
                              value: r,
                              label: t(`assessment.rules.${r}`),
                            }))}
                          />
                        </Form.Item>
                      ),
                  },
                  {
                    title: t('assessment.weight'),
                    width: 90,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'weight']} noStyle>
                        <InputNumber
                          min={0}
                          max={100}
                          style={{ width: 70 }}
                          data-testid={`weight-${f.name}`}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    width: 40,
                    render: (_, f) => (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    ),
                  },
                ]}
              />
            )}
          </Form.List>
        </Form.Item>
        <Space>
          <Button onClick={() => add('computed')}>{t('assessment.addComputed')}</Button>
          <Button onClick={() => add('manual')}>{t('assessment.addManual')}</Button>
          <Tag color={total === 100 ? 'green' : 'red'} data-testid="weight-total">
            {t('assessment.weightTotal', { total })}
          </Tag>
        </Space>
        {total !== 100 && rows.length > 0 && (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('assessment.weightMustBe100')} />
        )}
        {save.isError && !applyFieldErrors(form, [], save.error) && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(t, save.error)} />
        )}
      </Form>
    </Modal>
  );
}
