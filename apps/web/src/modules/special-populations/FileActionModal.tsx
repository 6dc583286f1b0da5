import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CORRECTIONS_ACTION_INPUTS, type CorrectionsAction } from '@civicgrid/shared/special-populations';
import { WorkflowActionModal } from '../../kit/WorkflowActionModal';
import { specialApi, specialKeys, type SpecialFileDetail } from './special-api';

/** One corrections action: the kit's workflow dialog over the action's shared input schema. */
export function FileActionModal(p: {
  detail: SpecialFileDetail;
  action: CorrectionsAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const actionLabel = t(`special.action.${p.action}`);
  const schema = CORRECTIONS_ACTION_INPUTS[p.action];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: specialKeys.all });
  return (
    <WorkflowActionModal
      title={`${actionLabel} · ${p.detail.personName}`}
      actionLabel={actionLabel}
      schema={schema}
      version={p.detail.version}
      label={(key) => t(`special.field.${key as 'note'}`)}
      optionLabel={(key, value) => (key === 'reason' ? t(`special.endReason.${value as 'death'}`) : value)}
      widgets={Object.fromEntries(Object.keys(schema.shape).map((k) => [k, { testId: `sf-${k}` }]))}
      danger={p.action === 'lose_contact'}
      send={(body) => specialApi.act(p.detail.id, { ...body, action: p.action })}
      onDone={(answer) => {
        queryClient.setQueryData(specialKeys.file(p.detail.id), answer as SpecialFileDetail);
        refresh();
        p.onClose();
      }}
      onReload={refresh}
      onClose={p.onClose}
    />
  );
}
