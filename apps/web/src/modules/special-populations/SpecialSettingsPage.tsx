import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Card, Form, InputNumber, Space, Table, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { SPECIAL_CATEGORIES, type SpecialCategory } from '@civicgrid/shared/special-populations';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';
import { contactKeys, contactsApi, useSpecialSettings, type SettingsWithVersion } from './contacts-api';

const LIMITS = ['reportDays', 'leaveOfficeDays', 'leaveCountyDays', 'graceDays'] as const;

/** 区县设置: the corrections limits and the contact rhythm table, one versioned save (409 when stale). */
export default function SpecialSettingsPage() {
  const { t } = useTranslation();
  const q = useSpecialSettings();
  const [form] = Form.useForm<SettingsWithVersion>();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  if (!q.data) return q.isError ? <Alert type="error" message={errorMessage(t, q.error)} /> : null;
  const s = q.data;
  const levelLabel = (c: SpecialCategory, k: string) =>
    c === 'mental' ? t('special.settings.risk', { level: k }) : t(`special.level.${k as 'strict'}`);
  const save = async (v: SettingsWithVersion) => {
    setSaving(true);
    setError(null);
    try {
      const next = await contactsApi.settings({
        ...s,
        ...v,
        rhythms: mergeRhythms(s, v),
        version: s.version,
      });
      queryClient.setQueryData(contactKeys.settings, next);
      void message.success(t('special.settings.saved'));
    } catch (e) {
      applyFieldErrors(form, [...LIMITS], e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 900 }} data-testid="special-settings">
      <Typography.Title level={4}>{t('special.settings.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('special.settings.hint')}</Typography.Paragraph>
      {!!error && (
        <Alert
          type="error"
          message={errorMessage(t, error)}
          action={<Button onClick={() => void q.refetch()}>{t('special.settings.reload')}</Button>}
        />
      )}
      <Form form={form} layout="vertical" initialValues={s} onFinish={(v) => void save(v)} key={s.version}>
        <Card size="small" title={t('special.settings.limits')}>
          <Space wrap size="large">
            {LIMITS.map((k) => (
              <Form.Item key={k} name={k} label={t(`special.settings.${k}`)} rules={[{ required: true }]}>
                <InputNumber
                  min={k === 'graceDays' ? 0 : 1}
                  max={90}
                  addonAfter={t('special.settings.days')}
                  data-testid={`set-${k}`}
                />
              </Form.Item>
            ))}
          </Space>
        </Card>
        <Card size="small" title={t('special.settings.rhythm')} style={{ marginTop: 12 }}>
          {SPECIAL_CATEGORIES.map((c) => (
            <Table
              key={c}
              size="small"
              pagination={false}
              title={() => t(`special.category.${c}`)}
              rowKey="key"
              dataSource={Object.entries(s.rhythms[c]).map(([key, items]) => ({ key, items }))}
              columns={[
                {
                  title: t('special.settings.level'),
                  key: 'l',
                  width: 140,
                  render: (_, r) => levelLabel(c, r.key),
                },
                {
                  title: t('special.settings.every'),
                  key: 'i',
                  render: (_, r) => (
                    <Space wrap>
                      {r.items.map((it, i) => (
                        <Form.Item key={i} name={['rhythms', c, r.key, i, 'everyDays']} noStyle>
                          <InputNumber
                            min={1}
                            max={366}
                            addonBefore={t(`special.contactKind.${it.kind}`)}
                            addonAfter={t('special.settings.days')}
                            style={{ width: 200 }}
                          />
                        </Form.Item>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          ))}
        </Card>
        <Button
          type="primary"
          htmlType="submit"
          loading={saving}
          style={{ marginTop: 12 }}
          data-testid="settings-save"
        >
          {t('special.settings.save')}
        </Button>
      </Form>
    </Space>
  );
}

/** The form holds only the day counts; the kinds come from the saved table. */
function mergeRhythms(s: SettingsWithVersion, v: SettingsWithVersion) {
  const out = structuredClone(s.rhythms);
  for (const c of SPECIAL_CATEGORIES)
    for (const [key, items] of Object.entries(out[c]))
      items.forEach((it, i) => {
        const n = v.rhythms?.[c]?.[key]?.[i]?.everyDays;
        if (typeof n === 'number') it.everyDays = n;
      });
  return out;
}
