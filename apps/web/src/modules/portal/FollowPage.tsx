import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Alert, Button, Input, Radio, Result, Spin, Tag, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { CategoryIcon } from './category-icon';
import { portalApi, useFollow, type Evaluation, type FollowedReport, type PublicEvent } from './portal-api';
import { categoryName } from './ReportPage';
import { TrackForm } from './TrackForm';

const STATUS_COLOURS: Record<string, string> = {
  received: 'default',
  accepted: 'blue',
  in_progress: 'processing',
  checking: 'cyan',
  closed: 'success',
  not_accepted: 'error',
  paused: 'warning',
  reopened: 'orange',
};

export default function FollowPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  return (
    <div>
      <section className="portal-card">
        <h2>{t('publicSide.portal.home.followTitle')}</h2>
        <TrackForm key={code} initial={code ?? ''} />
      </section>
      {code && <Followed code={code} />}
    </div>
  );
}

function eventLabel(t: TFunction, e: PublicEvent) {
  if (e.action === 'verify')
    return e.passed ? t('publicSide.portal.event.verifyPassed') : t('publicSide.portal.event.verifyFailed');
  const key = `publicSide.portal.event.${e.action}` as 'publicSide.portal.event.report';
  return t(key, { defaultValue: e.action });
}

function Followed({ code }: { code: string }) {
  const { t } = useTranslation();
  const f = 'publicSide.portal.follow';
  const report = useFollow(code);
  if (report.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (report.isError)
    return isApiError(report.error) && report.error.status === 404 ? (
      <Result status="warning" title={t(`${f}.notFound`)} />
    ) : (
      <Alert type="error" message={errorMessage(t, report.error)} />
    );
  const r = report.data;
  return (
    <div data-testid="portal-followed">
      <section className="portal-card">
        <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
          <CategoryIcon icon={r.category.icon} size={28} />
          <div style={{ flex: 1 }}>
            <div style={{ fontWeight: 600 }}>{categoryName(r.category)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.trackingNumber}
            </Typography.Text>
          </div>
          <Tag
            color={STATUS_COLOURS[r.publicStatus]}
            style={{ fontSize: 15, padding: '4px 10px' }}
            data-testid="portal-status"
            data-status={r.publicStatus}
          >
            {t(`publicSide.portal.status.${r.publicStatus}`)}
          </Tag>
        </div>
        <Typography.Paragraph style={{ margin: '10px 0 4px', whiteSpace: 'pre-wrap' }}>
          {r.description}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t(`${f}.reportedAt`)} {formatTime(r.reportedAt, 'YYYY-MM-DD HH:mm')}
          {r.address ? ` · ${r.address}` : ''}
          {r.photoCount ? ` · ${t(`${f}.photos`, { count: r.photoCount })}` : ''}
        </Typography.Text>
      </section>
      {(r.canEvaluate || r.evaluation) && <EvaluateCard report={r} />}
      <section className="portal-card">
        <h2>{t(`${f}.timeline`)}</h2>
        <Timeline
          data-testid="portal-timeline"
          items={[...r.timeline].reverse().map((e) => ({
            key: `${e.at}-${e.action}`,
            children: (
              <div>
                <div style={{ fontWeight: 500 }}>{eventLabel(t, e)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.at, 'YYYY-MM-DD HH:mm')}
                </Typography.Text>
                {e.department && <div>{t(`${f}.department`, { name: e.department })}</div>}
                {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              </div>
            ),
          }))}
        />
      </section>
    </div>
  );
}

function EvaluateCard({ report }: { report: FollowedReport }) {
  const { t } = useTranslation();
  const f = 'publicSide.portal.follow';
  const client = useQueryClient();
  const [value, setValue] = useState<Evaluation | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (report.evaluation)
    return (
      <section className="portal-card" data-testid="portal-evaluated">
        <Typography.Text strong>
          {t(`${f}.evaluated`, { value: t(`${f}.evaluation.${report.evaluation}`) })}
        </Typography.Text>
      </section>
    );
  const send = async () => {
    if (!value) return;
    setBusy(true);
    setError(null);
    try {
      const next = await portalApi.evaluate(report.trackingNumber, {
        evaluation: value,
        comment: comment.trim() || undefined,
      });
      client.setQueryData(['portal', 'follow', report.trackingNumber], next);
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="portal-card" data-testid="portal-evaluate">
      <h2>{t(`${f}.evaluateTitle`)}</h2>
      <Radio.Group
        value={value}
        onChange={(e) => setValue(e.target.value as Evaluation)}
        optionType="button"
        buttonStyle="solid"
        size="large"
        style={{ display: 'flex', marginBottom: 10 }}
        options={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((v) => ({
          value: v,
          label: t(`${f}.evaluation.${v}`),
          style: { flex: 1, textAlign: 'center' },
        }))}
      />
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t(`${f}.comment`)}
      />
      {error && <Alert type="error" message={error} style={{ marginTop: 8 }} />}
      <Button
        type="primary"
        size="large"
        block
        disabled={!value}
        loading={busy}
        onClick={() => void send()}
        style={{ marginTop: 10 }}
        data-testid="portal-evaluate-submit"
      >
        {t(`${f}.submitEvaluation`)}
      </Button>
    </section>
  );
}
