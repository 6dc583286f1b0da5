import { useState } from 'react';
import { Button, Form, InputNumber, Radio } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STABILITY_CADENCES } from '@civicgrid/shared/returns';
import { useCan } from '../../app/auth';
import { FormModal } from '../../kit/FormModal';
import { api } from '../../lib/api';
import { returnKeys, useReturnSettings, type ReturnKindWeb } from './returns-api';

interface Values {
  cadence?: (typeof STABILITY_CADENCES)[number];
  dueWorkingDays: number;
}

/** The district settings of a kind of return: the cadence (维稳: weekly or monthly) and the working days to file. */
export function ReturnSettingsButton({ k }: { k: ReturnKindWeb }) {
  const { t } = useTranslation();
  const can = useCan(k.issue);
  const [open, setOpen] = useState(false);
  const settings = useReturnSettings(k);
  const queryClient = useQueryClient();
  if (!can || !settings.data) return null;
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="returns-settings">
        {t('returns.settings.title')}
      </Button>
      <FormModal<Values>
        open={open}
        title={t('returns.settings.title')}
        fields={['cadence', 'dueWorkingDays']}
        testId="returns-settings-form"
        initialValues={{
          cadence: settings.data.cadence as Values['cadence'],
          dueWorkingDays: settings.data.dueWorkingDays,
        }}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await api(`${k.api}/settings`, {
            method: 'PUT',
            body: k.kind === 'stability' ? v : { dueWorkingDays: v.dueWorkingDays },
          });
          void queryClient.invalidateQueries({ queryKey: returnKeys.root(k) });
          setOpen(false);
        }}
      >
        {k.kind === 'stability' && (
          <Form.Item name="cadence" label={t('returns.settings.cadence')}>
            <Radio.Group
              options={STABILITY_CADENCES.map((c) => ({ value: c, label: t(`returns.settings.${c}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="dueWorkingDays"
          label={t('returns.settings.dueWorkingDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={10} />
        </Form.Item>
      </FormModal>
    </>
  );
}
