import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RISK_ACTION_INPUTS, type RiskAction } from '@civicgrid/shared/stability';
import { WorkflowActionModal } from '../../kit/WorkflowActionModal';
import { stabilityApi, stabilityKeys, type RiskDetail } from './stability-api';

/** One risk action: the kit's workflow dialog over the action's shared input schema. */
export function RiskActionModal(p: { detail: RiskDetail; action: RiskAction; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const actionLabel = t(`stability.action.${p.action}`);
  const schema = RISK_ACTION_INPUTS[p.action];
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['stability'] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
  return (
    <WorkflowActionModal
      title={`${actionLabel} · ${p.detail.number}`}
      actionLabel={actionLabel}
      schema={schema}
      version={p.detail.version}
      label={(key) => t(`stability.field.${key as 'note'}`)}
      optionLabel={(key, value) => (key === 'level' ? t(`stability.level.${value as 'red'}`) : value)}
      widgets={Object.fromEntries(Object.keys(schema.shape).map((k) => [k, { testId: `ra-${k}` }]))}
      danger={p.action === 'occur'}
      send={(body) => stabilityApi.act(p.detail.id, { ...body, action: p.action })}
      onDone={(answer) => {
        queryClient.setQueryData(stabilityKeys.risk(p.detail.id), answer as RiskDetail);
        refresh();
        p.onClose();
      }}
      onReload={refresh}
      onClose={p.onClose}
    />
  );
}
