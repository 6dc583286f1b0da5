import { useMemo } from 'react';
import { App, Button, Descriptions, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { MapView } from '../../components/map/MapView';
import type { AreaCollection } from '../../components/map/map-geometry';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { useLang } from '../../lib/use-lang';
import { caseApi, useCategories, useGridFeatures } from './case-api';
import type { CaseDetail } from './case-types';
import { categoryName, findCategory } from './CategoryTreeSelect';

/** The reporter as the API gives it (masked); those holding person.sensitive.read may reveal it, audited. */
function Reporter({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canReveal = useCan('person.sensitive.read');
  const reveal = useMutation({
    mutationFn: () => caseApi.reporter(detail.id),
    onError: (error) => void message.error(errorMessage(t, error)),
  });
  const shown = reveal.data ?? { name: detail.reporterName, phone: detail.reporterPhone };
  if (!shown.name && !shown.phone)
    return <Typography.Text type="secondary">{t('case.page.none')}</Typography.Text>;
  return (
    <span data-testid="case-reporter">
      {[shown.name, shown.phone].filter(Boolean).join(' · ')}
      {canReveal && !reveal.data && (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          data-testid="reporter-reveal"
        >
          {t('case.page.reveal')}
        </Button>
      )}
    </span>
  );
}

const noLabels = () => [];

/** A small map with the case's grid outlined and its pin. */
export function CaseMap({ detail: c, height }: { detail: CaseDetail; height: number }) {
  const canReadGrids = useCan('org.read');
  const grids = useGridFeatures(canReadGrids && !!c.gridId);
  const own = useMemo<AreaCollection | undefined>(() => {
    const f = grids.data?.features.find((g) => g.properties.id === c.gridId);
    return f ? { type: 'FeatureCollection', features: [f] } : undefined;
  }, [grids.data, c.gridId]);
  if (c.lng === null || c.lat === null) return null;
  const d = 0.004;
  return (
    <MapView
      grids={own}
      selectedId={c.gridId}
      // The grid's name is in the details; a label in its middle could hide the pin.
      labelTexts={noLabels}
      points={[{ id: c.id, lngLat: [c.lng, c.lat], colour: '#f5222d' }]}
      // Without the grid outline (no grid, or no right to read grids) the map centres on the pin itself.
      focus={own ? null : { key: `${c.id}-pin`, bbox: [c.lng - d, c.lat - d, c.lng + d, c.lat + d] }}
      style={{ height }}
    />
  );
}

export function CaseDetails({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const categories = useCategories();
  const category = findCategory(categories.data, c.categoryId);
  // The case carries co-department ids only; their names are in the dispatch entry of the timeline.
  const coNames = useMemo(() => {
    const dispatch = c.timeline.findLast((e) => e.action === 'dispatch');
    const names = dispatch?.data?.coDepartments;
    return Array.isArray(names) ? names.join(lang === 'en' ? ', ' : '、') : '';
  }, [c.timeline, lang]);
  const time = (at: string | null) => (
    <span style={{ whiteSpace: 'nowrap' }}>{at ? formatTime(at, 'YYYY-MM-DD HH:mm') : '—'}</span>
  );

  return (
    <Descriptions
      column={{ xs: 1, sm: 2 }}
      size="small"
      bordered
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="case-details"
    >
      <Descriptions.Item label={t('case.field.category')}>
        {c.categoryCode} {category ? categoryName(category, lang) : c.categoryName}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.field.channel')}>{t(`case.channel.${c.channel}`)}</Descriptions.Item>
      <Descriptions.Item label={t('case.field.urgency')}>{t(`case.urgency.${c.urgency}`)}</Descriptions.Item>
      <Descriptions.Item label={t('case.field.reportedAt')}>{time(c.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('case.field.grid')}>{c.gridName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('case.field.centre')}>{c.ownerOrgName}</Descriptions.Item>
      <Descriptions.Item label={t('case.field.department')}>
        {c.departmentName ?? '—'}
        {coNames && (
          <Typography.Text type="secondary">
            {' · '}
            {t('case.field.coDepartments')} {coNames}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.assignment.assignee')}>
        <span data-testid="case-assignee">{c.assigneeName ?? t('case.assignment.unassigned')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('case.field.handleDeadline')}>{time(c.handleDeadline)}</Descriptions.Item>
      <Descriptions.Item label={t('case.field.reporter')} span="filled">
        <Reporter detail={c} />
      </Descriptions.Item>
      <Descriptions.Item label={t('case.field.address')} span="filled">
        {c.address || '—'}
        {c.lng !== null && c.lat !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {c.lng.toFixed(6)}, {c.lat.toFixed(6)}
          </Typography.Text>
        )}
      </Descriptions.Item>
      {c.evaluation && (
        <Descriptions.Item label={t('case.field.evaluation')} span="filled">
          {t(`case.evaluation.${c.evaluation}`)}
          {c.evaluationComment ? ` · ${c.evaluationComment}` : ''}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('case.field.description')} span="filled">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {c.description || '—'}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}
