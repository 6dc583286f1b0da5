import { useMemo, useState } from 'react';
import { Button, DatePicker, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DISPUTE_ACTION_INPUTS, type DisputeAction } from '@civicgrid/shared/mediation';
import { WorkflowActionModal, type FieldWidget } from '../../kit/WorkflowActionModal';
import { mediationApi, mediationKeys, useMediatorOptions, type DisputeDetail } from './mediation-api';

interface Obligation {
  party: string;
  what: string;
  amount?: number | null;
  due?: Dayjs | null;
}

/** The obligations of an agreement (who does what by when): a list the schema's field widgets cannot draw. */
function ObligationsEditor({
  value,
  onChange,
}: {
  value: Obligation[];
  onChange: (v: Obligation[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Obligation>) =>
    onChange(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <div style={{ marginBottom: 16 }} data-testid="agree-obligations">
      <Typography.Text strong>{t('mediation.input.obligations')}</Typography.Text>
      {value.map((o, i) => (
        <Space key={i} wrap style={{ display: 'flex', marginTop: 8 }}>
          <Input
            placeholder={t('mediation.field.parties')}
            value={o.party}
            onChange={(e) => set(i, { party: e.target.value })}
            style={{ width: 110 }}
            data-testid={`obligation-party-${i}`}
          />
          <Input
            placeholder={t('mediation.input.terms')}
            value={o.what}
            onChange={(e) => set(i, { what: e.target.value })}
            style={{ width: 160 }}
            data-testid={`obligation-what-${i}`}
          />
          <InputNumber
            placeholder={t('mediation.field.amountInvolved')}
            value={o.amount ?? null}
            min={0}
            onChange={(v) => set(i, { amount: v })}
            style={{ width: 110 }}
          />
          <DatePicker
            value={o.due ?? null}
            onChange={(d) => set(i, { due: d })}
            data-testid={`obligation-due-${i}`}
          />
          <MinusCircleOutlined onClick={() => onChange(value.filter((_, j) => j !== i))} />
        </Space>
      ))}
      <div>
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => onChange([...value, { party: '', what: '' }])}
          data-testid="obligation-add"
        >
          {t('mediation.register.addParty').replace('当事人', '履行事项')}
        </Button>
      </div>
    </div>
  );
}

/** One dispute action: the kit's workflow dialog over the action's shared schema, with mediation's pickers. */
export function DisputeActionModal({
  d,
  action,
  onClose,
}: {
  d: DisputeDetail;
  action: DisputeAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mediators = useMediatorOptions();
  const [obligations, setObligations] = useState<Obligation[]>([]);
  const schema = useMemo(() => {
    const s = DISPUTE_ACTION_INPUTS[action] as z.ZodObject;
    return action === 'agree' ? s.omit({ obligations: true }) : s;
  }, [action]);
  const label = t(`mediation.action.${action}`);
  const widgets: Record<string, FieldWidget> = {
    mediatorIds: {
      input: (
        <Select
          mode="multiple"
          data-testid="action-mediators"
          optionFilterProp="label"
          options={mediators.data?.items
            .filter((m) => m.bodyName === d.bodyName || action === 'assign')
            .map((m) => ({ value: m.id, label: `${m.name}（${m.bodyName}）` }))}
        />
      ),
    },
  };
  return (
    <WorkflowActionModal
      title={`${label} · ${d.number}`}
      actionLabel={label}
      schema={schema}
      version={d.version}
      label={(key) => t(`mediation.input.${key as 'reason'}`)}
      optionLabel={(_key, value) => t(`mediation.option.${value as 'written'}`, { defaultValue: value })}
      widgets={widgets}
      initialValues={
        action === 'agree'
          ? { form: 'written' }
          : action === 'assign'
            ? { chosenByParties: false }
            : undefined
      }
      danger={action === 'decline' || action === 'fail' || action === 'breach'}
      notice={
        action === 'agree' ? <ObligationsEditor value={obligations} onChange={setObligations} /> : undefined
      }
      send={(body) =>
        mediationApi.act(d.id, {
          ...body,
          action,
          ...(action === 'agree'
            ? {
                obligations: obligations
                  .filter((o) => o.party.trim() && o.what.trim() && o.due)
                  .map((o) => ({
                    party: o.party.trim(),
                    what: o.what.trim(),
                    due: o.due!.format('YYYY-MM-DD'),
                    ...(o.amount ? { amount: o.amount } : {}),
                  })),
              }
            : {}),
        })
      }
      onDone={() => {
        void queryClient.invalidateQueries({ queryKey: mediationKeys.all });
        onClose();
      }}
      onReload={() => void queryClient.invalidateQueries({ queryKey: mediationKeys.dispute(d.id) })}
      onClose={onClose}
    />
  );
}
