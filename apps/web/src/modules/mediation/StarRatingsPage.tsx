import { useMemo, useState } from 'react';
import { App, Alert, Button, Form, Input, InputNumber, Rate, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { FormModal } from '../../kit/FormModal';
import { ListPage } from '../../kit/ListPage';
import { search, select } from '../../kit/filters';
import { errorMessage } from '../../lib/error-message';
import { recentQuarters, starKeys, useStarMutations, type Rating } from './stars-api';

const RATINGS = { path: '/api/mediation/ratings', key: starKeys.ratings };
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const stars = (n: number | null) =>
  n ? <Rate disabled count={5} value={n} style={{ fontSize: 12 }} /> : '—';

interface ConfirmValues {
  stars: number;
  complaints: number;
  reason?: string;
}

/** 星级评定: the quarter's drafts to confirm (or change with a reason) and the confirmed history. */
export default function StarRatingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canConfirm = useCan('mediation.admin');
  const m = useStarMutations();
  const quarters = useMemo(() => recentQuarters(), []);
  const [draftQuarter, setDraftQuarter] = useState(quarters[1]!);
  const [confirming, setConfirming] = useState<Rating | null>(null);
  const filters = useMemo(
    () => [
      select(
        'quarter',
        quarters.map((q) => ({ value: q, label: q })),
        { placeholder: t('mediationStars.quarter'), width: 130, testId: 'ratings-quarter' },
      ),
      select(
        'status',
        (['draft', 'confirmed'] as const).map((s) => ({
          value: s,
          label: t(`mediationStars.rating.status.${s}`),
        })),
        { placeholder: t('mediationStars.rating.status.draft'), width: 130, testId: 'ratings-status' },
      ),
      search('q', { placeholder: t('mediationStars.mediator') }),
    ],
    [t, quarters],
  );
  const columns: TableColumnsType<Rating> = [
    { title: t('mediationStars.quarter'), dataIndex: 'quarter' },
    { title: t('mediationStars.mediator'), dataIndex: 'mediatorName' },
    { title: t('mediationStars.body'), dataIndex: 'bodyName' },
    { title: t('mediationStars.rating.concluded'), key: 'c', render: (_, r) => r.counts.concluded },
    { title: t('mediationStars.rating.successRate'), key: 's', render: (_, r) => pct(r.rates.successRate) },
    { title: t('mediationStars.rating.onTimeRate'), key: 'o', render: (_, r) => pct(r.rates.onTimeRate) },
    {
      title: t('mediationStars.rating.performanceRate'),
      key: 'p',
      render: (_, r) => pct(r.rates.performanceRate),
    },
    { title: t('mediationStars.rating.complaints'), key: 'k', render: (_, r) => r.counts.complaints },
    { title: t('mediationStars.rating.ruleStars'), key: 'rule', render: (_, r) => stars(r.ruleStars) },
    { title: t('mediationStars.rating.stars'), key: 'stars', render: (_, r) => stars(r.stars) },
    {
      title: t('mediationStars.rating.statusLabel'),
      key: 'status',
      render: (_, r) => (
        <Tag color={r.status === 'confirmed' ? 'green' : 'gold'}>
          {t(`mediationStars.rating.status.${r.status}`)}
        </Tag>
      ),
    },
    { title: t('mediationStars.rating.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
    { title: t('mediationStars.rating.confirmedBy'), dataIndex: 'confirmedByName' },
    {
      title: '',
      key: 'act',
      fixed: 'right',
      render: (_, r) =>
        canConfirm && r.status === 'draft' ? (
          <Button
            size="small"
            type="primary"
            onClick={() => setConfirming(r)}
            data-testid={`rating-confirm-${r.mediatorName}`}
          >
            {t('mediationStars.rating.confirm')}
          </Button>
        ) : null,
    },
  ];
  const runDraft = async () => {
    try {
      const r = await m.draft.mutateAsync(draftQuarter);
      void message.success(t('mediationStars.rating.drafted', r));
    } catch (e) {
      void message.error(errorMessage(t, e));
    }
  };
  return (
    <ListPage<Rating>
      title={t('mediationStars.rating.title')}
      resource={RATINGS}
      filters={filters}
      columns={columns}
      emptyText={t('mediationStars.rating.empty')}
      testId="ratings-table"
      pageTestId="ratings-page"
      extra={
        canConfirm && (
          <Space.Compact>
            <Select
              value={draftQuarter}
              onChange={setDraftQuarter}
              options={quarters.map((q) => ({ value: q, label: q }))}
              style={{ width: 110 }}
              aria-label={t('mediationStars.quarter')}
            />
            <Button onClick={() => void runDraft()} loading={m.draft.isPending} data-testid="ratings-draft">
              {t('mediationStars.rating.draft')}
            </Button>
          </Space.Compact>
        )
      }
    >
      <Alert type="info" showIcon message={t('mediationStars.rating.hint')} style={{ marginBottom: 12 }} />
      <FormModal<ConfirmValues>
        open={!!confirming}
        title={t('mediationStars.rating.confirmTitle', {
          name: confirming?.mediatorName,
          quarter: confirming?.quarter,
        })}
        fields={['stars', 'complaints', 'reason']}
        initialValues={{ stars: confirming?.ruleStars ?? 1, complaints: confirming?.counts.complaints ?? 0 }}
        onSubmit={(v) =>
          m.confirm.mutateAsync({
            id: confirming!.id,
            version: confirming!.version,
            stars: v.stars,
            complaints: v.complaints,
            reason: v.reason?.trim() || undefined,
          })
        }
        onClose={() => setConfirming(null)}
        testId="rating-confirm-modal"
      >
        <Form.Item name="stars" label={t('mediationStars.rating.stars')} rules={[{ required: true }]}>
          <Rate count={5} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="complaints"
          label={t('mediationStars.rating.complaints')}
          extra={t('mediationStars.rating.complaintsHint')}
        >
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('mediationStars.rating.reason')}
          extra={t('mediationStars.rating.reasonHint')}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="rating-reason" />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
