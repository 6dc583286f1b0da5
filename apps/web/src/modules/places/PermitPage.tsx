import { useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { PageLoading } from '../../components/PageLoading';
import { QueryError } from '../../components/QueryError';
import { formatTime } from '../../lib/time';
import { FormModal } from '../../kit/FormModal';
import {
  usePermit,
  usePlacesMutation,
  type PermitActionName,
  type PermitDetail,
  type PermitStatus,
} from './places-api';
import { DateInput } from './ui';

const COLORS: Record<PermitStatus, string> = {
  applied: 'processing',
  issued: 'success',
  rejected: 'default',
  expired: 'warning',
  cancelled: 'default',
};

export function PermitStatusTag({ status }: { status: PermitStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`places.permit.statuses.${status}`)}</Tag>;
}

export default function PermitPage() {
  const { id = '' } = useParams();
  const permit = usePermit(id);
  if (permit.isError) return <QueryError error={permit.error} onRetry={() => void permit.refetch()} />;
  if (!permit.data) return <PageLoading />;
  return <PermitView p={permit.data} />;
}

interface ActionValues {
  number?: string;
  validFrom?: string;
  validTo?: string;
  houseId?: string;
  reason?: string;
}

function PermitView({ p }: { p: PermitDetail }) {
  const { t } = useTranslation();
  const canManage = useCan('registry.manage');
  const [action, setAction] = useState<PermitActionName | null>(null);
  const act = usePlacesMutation<ActionValues & { action: PermitActionName; version: number }>(
    'POST',
    () => `/api/permits/${p.id}/actions`,
  );
  const clean = (v: ActionValues) =>
    Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as ActionValues;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={
          <Space>
            {p.personName}
            <PermitStatusTag status={p.status} />
          </Space>
        }
        extra={<Link to="/permits">{t('places.common.back')}</Link>}
        data-testid="permit-card"
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('places.permit.number')}>
            <span data-testid="permit-number">{p.number ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('places.permit.idNumber')}>{p.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('places.permit.grid')}>{p.gridName}</Descriptions.Item>
          <Descriptions.Item label={t('places.permit.address')}>{p.address}</Descriptions.Item>
          <Descriptions.Item label={t('places.permit.appliedOn')}>{p.appliedOn}</Descriptions.Item>
          <Descriptions.Item label={t('places.permit.validity')}>
            {p.validFrom ? `${p.validFrom} ~ ${p.validTo}` : '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>{t('places.permit.actions')}</Typography.Title>
        {canManage && p.allowedActions.length ? (
          <Space wrap data-testid="permit-actions">
            {p.allowedActions.map((a) => (
              <Button
                key={a}
                type={a === 'issue' || a === 'renew' ? 'primary' : 'default'}
                danger={a === 'reject' || a === 'cancel'}
                onClick={() => setAction(a)}
                data-testid={`permit-${a}`}
              >
                {t(`places.permit.act.${a}`)}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('places.permit.noActions')}</Typography.Text>
        )}
      </Card>
      <Card title={t('places.permit.timeline')}>
        {p.timeline.length ? (
          <Timeline
            data-testid="permit-timeline"
            items={p.timeline.map((e) => ({
              children: (
                <>
                  <Typography.Text strong>
                    {t(`places.permit.act.${e.action as PermitActionName}`, { defaultValue: e.action })}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {formatTime(e.at, 'YYYY-MM-DD HH:mm')} {e.actorName}
                  </Typography.Text>
                  <div>
                    {['number', 'validTo', 'address', 'reason']
                      .filter((k) => e.data[k])
                      .map((k) => String(e.data[k]))
                      .join(' · ')}
                  </div>
                </>
              ),
            }))}
          />
        ) : (
          <Empty />
        )}
      </Card>
      {action && (
        <FormModal<ActionValues>
          open
          title={t(`places.permit.act.${action}`)}
          fields={['number', 'validFrom', 'validTo', 'houseId', 'reason']}
          onSubmit={(v) => act.mutateAsync({ ...clean(v), action, version: p.version })}
          onClose={() => setAction(null)}
          danger={action === 'reject' || action === 'cancel'}
          testId="permit-action-modal"
        >
          {action === 'issue' && (
            <>
              <Form.Item
                name="number"
                label={t('places.permit.number')}
                extra={t('places.permit.numberHint')}
              >
                <Input maxLength={30} />
              </Form.Item>
              <Form.Item name="validFrom" label={t('places.permit.validFrom')}>
                <DateInput />
              </Form.Item>
            </>
          )}
          {(action === 'issue' || action === 'renew') && (
            <Form.Item name="validTo" label={t('places.permit.validTo')}>
              <Input type="date" />
            </Form.Item>
          )}
          {action === 'change_address' && (
            <Form.Item
              name="houseId"
              label={t('places.permit.residences')}
              extra={t('places.permit.houseHint')}
            >
              <Select
                allowClear
                options={p.residences.map((r) => ({
                  value: r.houseId,
                  label: `${r.address}（${r.fromDate}）`,
                }))}
              />
            </Form.Item>
          )}
          {(action === 'reject' || action === 'cancel') && (
            <Form.Item name="reason" label={t('places.permit.reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
        </FormModal>
      )}
    </Space>
  );
}
