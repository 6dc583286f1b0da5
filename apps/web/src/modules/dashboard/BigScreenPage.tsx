import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatTime } from '../../lib/time';
import { BarList, Donut, LineChart } from './charts';
import {
  casesLink,
  pct,
  useBreakdown,
  useGridDensity,
  useLive,
  useRankings,
  useSummary,
  useTrend,
  type LiveCase,
} from './dashboard-api';
import { periodOf, SLA_COLOURS } from './dashboard-model';
import './big-screen.css';

const DashboardMap = lazy(() => import('./DashboardMap'));
/** Every figure refreshes on its own every 30 s. */
const REFRESH_MS = 30_000;

function Panel({
  title,
  children,
  style,
}: {
  title: string;
  children: ReactNode;
  style?: React.CSSProperties;
}) {
  return (
    <section className="bs-panel" style={style}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Rolling({ cases, overdue, testId }: { cases: LiveCase[]; overdue?: boolean; testId: string }) {
  const { t } = useTranslation();
  if (!cases.length) return <div className="bs-empty">{t('dashboard.noData')}</div>;
  // Long lists scroll by themselves (the list is doubled so the loop has no seam).
  const rows = cases.length > 8 ? [...cases, ...cases] : cases;
  return (
    <div className="bs-roll" data-testid={testId}>
      <ul className={cases.length > 8 ? 'bs-roll-moving' : undefined}>
        {rows.map((c, i) => (
          <li key={`${c.id}-${i}`}>
            <Link to={`/cases/${c.id}`}>
              <span className={overdue ? 'bs-tag bs-tag-red' : 'bs-tag'}>
                {t(`case.status.${c.status}` as 'case.status.reported')}
              </span>
              <span className="bs-roll-title">{c.title}</span>
              <span className="bs-roll-time">
                {formatTime(overdue ? c.stepDeadline : c.createdAt, 'MM-DD HH:mm')}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 大屏: 1920×1080, dark, no shell; the same figures as the dashboard, large, refreshed every 30 s. */
export default function BigScreenPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const orgParam = params.get('orgId') ?? undefined;
  const summary = useSummary(orgParam, REFRESH_MS);
  const orgId = orgParam ?? summary.data?.org.id;
  const period = periodOf('days30', summary.data?.date);
  const scope = { orgId, from: period.from, to: period.to };
  const month = periodOf('month', summary.data?.date);
  const trend = useTrend(scope, 'day', REFRESH_MS);
  const sla = useBreakdown(scope, 'slaState', REFRESH_MS);
  const channel = useBreakdown({ orgId, from: month.from, to: month.to }, 'channel', REFRESH_MS);
  const rankings = useRankings({ orgId, from: month.from, to: month.to }, 'closureRate', REFRESH_MS);
  const density = useGridDensity(orgId, REFRESH_MS);
  const live = useLive(orgId, REFRESH_MS);
  const [clock, setClock] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setClock(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  const s = summary.data;
  const big = (testId: string, label: string, value: ReactNode, to: string, tone?: string) => (
    <Link to={to} className="bs-big" data-testid={testId}>
      <span className="bs-big-label">{label}</span>
      <span className={`bs-big-value ${tone ?? ''}`}>{value ?? '—'}</span>
    </Link>
  );

  return (
    <div className="bs-root" data-testid="big-screen">
      <header className="bs-header">
        <Link to="/dashboard" className="bs-exit">
          {t('dashboard.exitScreen')}
        </Link>
        <h1>{t('dashboard.screenTitle', { org: s?.org.name ?? '' })}</h1>
        <span className="bs-clock">{formatTime(clock.toISOString(), 'YYYY-MM-DD HH:mm:ss')}</span>
      </header>
      <div className="bs-cards">
        {big(
          'screen-today-new',
          t('dashboard.card.todayNew'),
          s?.today.reported,
          casesLink({ orgId, from: s?.date, to: s?.date }),
        )}
        {big(
          'screen-today-closed',
          t('dashboard.card.todayClosed'),
          s?.today.closed,
          casesLink({ orgId, from: s?.date, to: s?.date, status: 'closed' }),
        )}
        {big('screen-open', t('dashboard.card.open'), s?.now.open, casesLink({ orgId }))}
        {big(
          'screen-warning',
          t('dashboard.card.warning'),
          s?.now.warning,
          casesLink({ orgId, slaState: 'warning' }),
          'bs-amber',
        )}
        {big(
          'screen-overdue',
          t('dashboard.card.overdue'),
          s?.now.overdue,
          casesLink({ orgId, slaState: 'overdue' }),
          'bs-red',
        )}
        {big(
          'screen-month',
          t('dashboard.card.monthReported'),
          s?.month.counts.reported,
          casesLink({ orgId, from: s?.month.from }),
        )}
        {big(
          'screen-closure',
          t('dashboard.card.monthClosureRate'),
          s ? pct(s.month.rates.closureRate) : undefined,
          casesLink({ orgId, status: 'closed' }),
          'bs-green',
        )}
        {big(
          'screen-satisfaction',
          t('dashboard.card.monthSatisfaction'),
          s ? pct(s.month.rates.satisfactionRate) : undefined,
          casesLink({ orgId, status: 'closed' }),
          'bs-green',
        )}
      </div>
      <div className="bs-main">
        <div className="bs-col">
          <Panel title={t('dashboard.section.sla')}>
            <Donut
              dark
              size={190}
              slices={(sla.data?.items ?? []).map((i) => ({
                key: i.key,
                label: t(`case.sla.${i.key}` as 'case.sla.normal'),
                value: i.count,
                colour: SLA_COLOURS[i.key as keyof typeof SLA_COLOURS],
                to: casesLink({ orgId, slaState: i.key }),
              }))}
            />
          </Panel>
          <Panel title={t('dashboard.section.channel')}>
            <BarList
              dark
              colour="#36cfc9"
              bars={(channel.data?.items ?? []).slice(0, 7).map((i) => ({
                key: i.key,
                label: t(`case.channel.${i.key}` as 'case.channel.window'),
                value: i.count,
              }))}
            />
          </Panel>
          <Panel title={t('dashboard.section.rankings')}>
            <BarList
              dark
              colour="#69b1ff"
              bars={(rankings.data?.units ?? []).slice(0, 8).map((u) => ({
                key: u.id,
                label: `${u.rank ?? '—'}. ${u.name}`,
                value: u.value === null ? 0 : Math.round(u.value * 1000) / 10,
              }))}
            />
          </Panel>
        </div>
        <div className="bs-center">
          <Panel title={t('dashboard.section.map')} style={{ flex: 1 }}>
            <Suspense fallback={null}>
              {density.data && (
                <DashboardMap
                  density={density.data.grids}
                  points={live.data?.points ?? []}
                  legendTitle={t('dashboard.mapLegend')}
                  height={470}
                />
              )}
            </Suspense>
          </Panel>
          <Panel title={t('dashboard.section.trend')}>
            <LineChart
              dark
              height={150}
              labels={(trend.data?.points ?? []).map((p) => p.bucket)}
              series={[
                {
                  name: t('dashboard.series.reported'),
                  colour: '#40a9ff',
                  values: (trend.data?.points ?? []).map((p) => p.reported),
                },
                {
                  name: t('dashboard.series.closed'),
                  colour: '#73d13d',
                  values: (trend.data?.points ?? []).map((p) => p.closed),
                },
              ]}
            />
          </Panel>
        </div>
        <div className="bs-col">
          <Panel title={t('dashboard.section.newCases')} style={{ flex: 1 }}>
            <Rolling cases={live.data?.newCases ?? []} testId="screen-new-list" />
          </Panel>
          <Panel title={t('dashboard.section.overdueCases')} style={{ flex: 1 }}>
            <Rolling cases={live.data?.overdueCases ?? []} overdue testId="screen-overdue-list" />
          </Panel>
        </div>
      </div>
    </div>
  );
}
