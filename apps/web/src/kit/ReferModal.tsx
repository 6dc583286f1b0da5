import { App, Form, Input, Radio } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { FormModal } from './FormModal';
import { recordKeys, recordsApi, type NewReferral, type ReferralKind } from './records-api';
import { ReferralPanel } from './ReferralPanel';

interface Props {
  ownerType: string;
  ownerId: string;
  open: boolean;
  onClose: () => void;
  /** After sending: the record's timeline has a new event. */
  onSent?: () => void;
}

const KINDS: readonly ReferralKind[] = ['transfer', 'referral', 'invite'];
/** Only a centre (district, street, community) can hold a record handed over; the API says the same (400). */
const HOLDERS = new Set(['district', 'street', 'community']);

/**
 * 转交 / 协办: sends a record to another unit, as a transfer 移交 (it moves there once accepted), a referral 协办
 * (the unit is asked to help) or an invitation 邀请, with a reason; below, the record's open referrals.
 */
export function ReferModal({ ownerType, ownerId, open, onClose, onSent }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewReferral>();
  const kind = Form.useWatch('kind', form) ?? 'transfer';
  // The form instance outlives the dialog: each opening starts empty.
  const close = () => {
    form.resetFields();
    onClose();
  };

  return (
    <FormModal<NewReferral>
      open={open}
      form={form}
      title={t('kit.referral.sendTitle')}
      okText={t('kit.referral.send')}
      fields={['kind', 'toOrgId', 'reason']}
      initialValues={{ kind: 'transfer' }}
      testId="refer-form"
      onClose={close}
      onSubmit={async (v) => {
        await recordsApi.refer(ownerType, ownerId, { ...v, reason: v.reason.trim() });
        void queryClient.invalidateQueries({ queryKey: recordKeys.referrals });
        void message.success(t('kit.referral.sent'));
        onSent?.();
      }}
    >
      <Form.Item name="kind" label={t('kit.referral.kindLabel')}>
        <Radio.Group
          optionType="button"
          onChange={() => form.setFieldValue('toOrgId', undefined)}
          options={KINDS.map((k) => ({ value: k, label: t(`kit.referral.kind.${k}`) }))}
          data-testid="refer-kind"
        />
      </Form.Item>
      <Form.Item
        name="toOrgId"
        label={t('kit.referral.toOrg')}
        extra={t(`kit.referral.hint.${kind}`)}
        rules={[{ required: true, message: t('common.required', { field: t('kit.referral.toOrg') }) }]}
      >
        <OrgTreeSelect
          isSelectable={kind === 'transfer' ? (n) => HOLDERS.has(n.level) : undefined}
          data-testid="refer-org"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('kit.referral.sendReason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: t('kit.referral.sendReason') }),
          },
          { max: 1000 },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} data-testid="refer-reason" />
      </Form.Item>
      <ReferralPanel
        box="outgoing"
        ownerType={ownerType}
        ownerId={ownerId}
        pendingOnly
        title={t('kit.referral.open')}
      />
    </FormModal>
  );
}
