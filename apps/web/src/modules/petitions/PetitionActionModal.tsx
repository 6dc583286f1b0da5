import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PETITION_ACTION_INPUTS, type PetitionAction } from '@civicgrid/shared/petitions';
import dayjs from 'dayjs';
import { WorkflowActionModal } from '../../kit/WorkflowActionModal';
import { petitionApi, petitionKeys, type PetitionDetail } from './petition-api';

const OPTION_GROUPS: Record<string, string> = {
  route: 'route',
  noticeMethod: 'serve',
  serveMethod: 'serve',
  satisfaction: 'satisfaction',
};

/** One petition action: the kit's workflow dialog over the action's shared input schema. */
export function PetitionActionModal(p: {
  detail: PetitionDetail;
  action: PetitionAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const actionLabel = t(`petition.action.${p.action}`);
  const schema = PETITION_ACTION_INPUTS[p.action];
  // Notices, service and requests are mostly recorded as they happen: the dialog starts at now.
  const initialValues = Object.fromEntries(
    ['noticeServedAt', 'servedAt', 'requestedAt'].filter((k) => k in schema.shape).map((k) => [k, dayjs()]),
  );
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['petitions'] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
  return (
    <WorkflowActionModal
      title={`${actionLabel} · ${p.detail.number}`}
      actionLabel={actionLabel}
      schema={schema}
      version={p.detail.version}
      label={(key) => t(`petition.field.${key as 'reason'}`)}
      optionLabel={(key, value) =>
        OPTION_GROUPS[key] ? t(`petition.${OPTION_GROUPS[key]}.${value}` as 'petition.route.accept') : value
      }
      initialValues={initialValues}
      // Field ids of their own: `action-route` is already the page's 处理 button.
      widgets={Object.fromEntries(Object.keys(schema.shape).map((k) => [k, { testId: `pf-${k}` }]))}
      danger={p.action === 'withdraw'}
      send={(body) => petitionApi.act(p.detail.id, { ...body, action: p.action })}
      onDone={(answer) => {
        queryClient.setQueryData(petitionKeys.detail(p.detail.id), answer as PetitionDetail);
        refresh();
        p.onClose();
      }}
      onReload={refresh}
      onClose={p.onClose}
    />
  );
}
