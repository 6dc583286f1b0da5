import { lazy, Suspense, useMemo, useState } from 'react';
import { Button, Card, Col, Row, Segmented, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { DesktopOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { QueryError } from '../../components/QueryError';
import { useIndicators } from '../../lib/indicators';
import { BarList, Donut, LineChart } from './charts';
import {
  casesLink,
  lastDay,
  pct,
  useBreakdown,
  useGridDensity,
  useLive,
  useRankings,
  useRegistry,
  useSummary,
  useTrend,
  type RankedUnit,
  type Scope,
} from './dashboard-api';
import { OPEN_STATUSES, periodOf, PERIODS, SLA_COLOURS, type PeriodKey } from './dashboard-model';

// The map carries Leaflet: its own chunk, loaded after the figures.
const DashboardMap = lazy(() => import('./DashboardMap'));

/** 指挥看板: one page for every level; the org picker moves down to any unit of the caller's subtree. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const orgParam = params.get('orgId') ?? undefined;
  const [periodKey, setPeriodKey] = useState<PeriodKey>('month');
  const [indicator, setIndicator] = useState<string>('closureRate');
  const summary = useSummary(orgParam);
  const orgId = orgParam ?? summary.data?.org.id;
  const period = periodOf(periodKey, summary.data?.date);
  const scope: Scope = { orgId, from: period.from, to: period.to };
  const ready = !!summary.data;
  const trend = useTrend(scope, period.granularity);
  const category = useBreakdown(scope, 'category');
  const channel = useBreakdown(scope, 'channel');
  const sla = useBreakdown(scope, 'slaState');
  const rankings = useRankings(scope, indicator);
  // Rank by any registered indicator (GET /api/indicators), named by the API in the reader's language.
  const indicators = useIndicators();
  const chosen = indicators.data?.find((i) => i.code === indicator);
  const density = useGridDensity(orgId);
  const live = useLive(orgId);
  const registry = useRegistry(orgId);
  const inPeriod = { orgId, from: period.from, to: lastDay(period.to) };

  const rankColumns = useMemo(
    () => [
      { title: t('dashboard.rank'), dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
      {
        title: t('dashboard.unit'),
        dataIndex: 'name',
        render: (name: string, u: RankedUnit) => (
          <Link to={casesLink({ ...inPeriod, orgId: u.id })}>{name}</Link>
        ),
      },
      {
        title: chosen?.name ?? t(`dashboard.indicator.${indicator}` as 'dashboard.indicator.reported'),
        dataIndex: 'value',
        align: 'right' as const,
        render: (v: number | null) => (chosen?.unit === 'rate' ? pct(v) : v),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, indicator, chosen, orgId, period.from, period.to],
  );

  if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const trendText = (v: number | null | undefined, points = false) =>
    v === null || v === undefined
      ? t('dashboard.card.noCompare')
      : t('dashboard.card.vsLastMonth', { value: `${v > 0 ? '+' : ''}${v}${points ? ' pt' : '%'}` });
  const card = (
    testId: string,
    title: string,
    value: number | string | undefined,
    to: string,
    note?: string,
    danger?: boolean,
  ) => (
    <Col xs={12} md={8} xl={4} key={testId}>
      <Link to={to} data-testid={testId}>
        <Card hoverable size="small">
          <Statistic
            title={title}
            value={value ?? '—'}
            {...(danger ? { styles: { content: { color: '#cf1322' } } } : {})}
          />
          {note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {note}
            </Typography.Text>
          )}
        </Card>
      </Link>
    </Col>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard-page">
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="dashboard-org">
              {s?.org.name ?? t('dashboard.title')}
            </Typography.Title>
            <OrgTreeSelect
              value={orgId ?? null}
              onChange={(v) => setParams(v ? { orgId: v } : {}, { replace: true })}
              placeholder={t('dashboard.org')}
              aria-label={t('dashboard.org')}
              style={{ width: 240 }}
              data-testid="dashboard-org-picker"
            />
            <Segmented
              value={periodKey}
              onChange={(v) => setPeriodKey(v as PeriodKey)}
              options={PERIODS.map((p) => ({
                value: p,
                label: t(`dashboard.periods.${p}` as 'dashboard.periods.month'),
              }))}
              aria-label={t('dashboard.period')}
            />
          </Space>
          <Space>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void queryClient.invalidateQueries({ queryKey: ['dashboard'] })}
            >
              {t('dashboard.refresh')}
            </Button>
            <Button
              icon={<DesktopOutlined />}
              onClick={() => void navigate(orgId ? `/screen?orgId=${orgId}` : '/screen')}
            >
              {t('dashboard.bigScreen')}
            </Button>
          </Space>
        </Space>
      </Card>

      <Row gutter={[12, 12]}>
        {card(
          'card-today-new',
          t('dashboard.card.todayNew'),
          s?.today.reported,
          casesLink({ orgId, from: s?.date, to: s?.date }),
        )}
        {card(
          'card-today-closed',
          t('dashboard.card.todayClosed'),
          s?.today.closed,
          casesLink({ orgId, from: s?.date, to: s?.date, status: 'closed' }),
        )}
        {card(
          'card-overdue',
          t('dashboard.card.overdue'),
          s?.now.overdue,
          casesLink({ orgId, slaState: 'overdue' }),
          undefined,
          true,
        )}
        {card(
          'card-warning',
          t('dashboard.card.warning'),
          s?.now.warning,
          casesLink({ orgId, slaState: 'warning' }),
        )}
        {card(
          'card-open',
          t('dashboard.card.open'),
          s?.now.open,
          casesLink({ orgId, status: OPEN_STATUSES.join(',') }),
        )}
        {card(
          'card-month-reported',
          t('dashboard.card.monthReported'),
          s?.month.counts.reported,
          casesLink({ orgId, from: s?.month.from, to: s ? lastDay(s.month.to) : undefined }),
          trendText(s?.trend.reported),
        )}
        {card(
          'card-month-closure',
          t('dashboard.card.monthClosureRate'),
          s ? pct(s.month.rates.closureRate) : undefined,
          casesLink({
            orgId,
            from: s?.month.from,
            to: s ? lastDay(s.month.to) : undefined,
            status: 'closed',
          }),
          trendText(s?.trend.closureRate, true),
        )}
        {card(
          'card-month-satisfaction',
          t('dashboard.card.monthSatisfaction'),
          s ? pct(s.month.rates.satisfactionRate) : undefined,
          casesLink({
            orgId,
            from: s?.month.from,
            to: s ? lastDay(s.month.to) : undefined,
            status: 'closed',
          }),
          trendText(s?.trend.satisfactionRate, true),
        )}
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('dashboard.section.trend')}>
            {trend.data ? (
              <LineChart
                labels={trend.data.points.map((p) => p.bucket)}
                series={[
                  {
                    name: t('dashboard.series.reported'),
                    colour: '#1668dc',
                    values: trend.data.points.map((p) => p.reported),
                  },
                  {
                    name: t('dashboard.series.closed'),
                    colour: '#52c41a',
                    values: trend.data.points.map((p) => p.closed),
                  },
                ]}
              />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('dashboard.section.sla')}>
            {sla.data ? (
              <Donut
                slices={sla.data.items.map((i) => ({
                  key: i.key,
                  label: t(`case.sla.${i.key}` as 'case.sla.normal'),
                  value: i.count,
                  colour: SLA_COLOURS[i.key as keyof typeof SLA_COLOURS],
                  to: casesLink({ orgId, slaState: i.key }),
                }))}
              />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('dashboard.section.category')}>
            {category.data?.items.length === 0 && (
              <Typography.Text type="secondary">{t('dashboard.noData')}</Typography.Text>
            )}
            <BarList
              bars={(category.data?.items ?? []).slice(0, 10).map((i) => ({
                key: i.key,
                label: i.name ?? i.key,
                value: i.count,
                to: casesLink({ ...inPeriod, categoryId: i.key }),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('dashboard.section.channel')}>
            {channel.data?.items.length === 0 && (
              <Typography.Text type="secondary">{t('dashboard.noData')}</Typography.Text>
            )}
            <BarList
              colour="#13a8a8"
              bars={(channel.data?.items ?? []).map((i) => ({
                key: i.key,
                label: t(`case.channel.${i.key}` as 'case.channel.window'),
                value: i.count,
                to: casesLink({ ...inPeriod, channel: i.key }),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('dashboard.section.map')}>
            {ready && density.data ? (
              <Suspense fallback={<Spin />}>
                <DashboardMap
                  density={density.data.grids}
                  points={live.data?.points ?? []}
                  legendTitle={t('dashboard.mapLegend')}
                  height={420}
                  onGridClick={(id) =>
                    void navigate(casesLink({ orgId: id, status: OPEN_STATUSES.join(',') }))
                  }
                />
              </Suspense>
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('dashboard.section.rankings')}
            extra={
              <Select
                size="small"
                value={indicator}
                onChange={setIndicator}
                style={{ width: 140 }}
                loading={indicators.isPending}
                options={indicators.data?.map((i) => ({ value: i.code, label: i.name }))}
                aria-label={t('dashboard.section.rankings')}
              />
            }
          >
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              loading={rankings.isPending}
              dataSource={rankings.data?.units ?? []}
              columns={rankColumns}
              locale={{ emptyText: t('dashboard.noData') }}
              data-testid="dashboard-rankings"
            />
          </Card>
          <Card size="small" title={t('dashboard.section.registry')} style={{ marginTop: 12 }}>
            {registry.data ? (
              <Row gutter={[8, 8]}>
                {(
                  [
                    ['people', registry.data.people.total],
                    ['registered', registry.data.people.byResidence.registered],
                    ['floating', registry.data.people.byResidence.floating],
                    ['overseas', registry.data.people.byResidence.overseas],
                    ['houses', registry.data.houses.total],
                    ['rentals', registry.data.rentals.active],
                    ['organizations', registry.data.organizations.total],
                  ] as const
                ).map(([k, v]) => (
                  <Col span={8} key={k}>
                    <Statistic title={t(`dashboard.registry.${k}`)} value={v} />
                  </Col>
                ))}
              </Row>
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
