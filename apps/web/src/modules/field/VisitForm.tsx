import { App, Button, Card, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_KINDS, type VisitKind } from '@civicgrid/shared/field';
import { currentPosition } from './geo';
import { enqueue } from './offline-queue';
import type { VisitPreset } from './WubifangCard';

interface Values {
  kind: VisitKind;
  household: string;
  findings: string;
  needs?: string;
}

/**
 * The visit form. Every visit goes through the device queue first (encrypted), then is sent at once when online:
 * one path online and offline, so nothing typed is lost when the signal drops mid-send.
 */
export function VisitForm({
  online,
  onQueued,
  preset = null,
  onPresetDone,
}: {
  online: boolean;
  onQueued: () => void;
  /** A 五必访 person picked from the due list: the visit is recorded against them. */
  preset?: VisitPreset | null;
  onPresetDone?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (preset) form.setFieldsValue({ kind: 'wubifang', household: preset.household });
  }, [preset, form]);

  const submit = async (v: Values) => {
    const at = await currentPosition();
    await enqueue('visit', {
      kind: v.kind,
      household: v.household,
      findings: v.findings,
      ...(v.needs ? { needs: v.needs } : {}),
      ...(at ?? {}),
      visitedAt: new Date().toISOString(),
      recordedOffline: !navigator.onLine,
      ...(preset ? { personId: preset.personId } : {}),
    });
    onPresetDone?.();
    void message.success(t(online ? 'field.visit.savedOnline' : 'field.visit.savedOffline'));
    form.resetFields(['household', 'findings', 'needs']);
    onQueued();
  };

  return (
    <Card title={t('field.visit.title')} size="small" data-testid="field-visit-card">
      <Form form={form} layout="vertical" initialValues={{ kind: '12345' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('field.visit.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="visit-kind"
            options={VISIT_KINDS.map((k) => ({ value: k, label: t(`field.visit.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="household" label={t('field.visit.household')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="visit-household" placeholder={t('field.visit.householdPlaceholder')} />
        </Form.Item>
        <Form.Item name="findings" label={t('field.visit.findings')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea data-testid="visit-findings" rows={3} />
        </Form.Item>
        <Form.Item name="needs" label={t('field.visit.needs')} rules={[{ max: 2000 }]}>
          <Input.TextArea data-testid="visit-needs" rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" data-testid="visit-save">
          {t('field.visit.save')}
        </Button>
      </Form>
    </Card>
  );
}
