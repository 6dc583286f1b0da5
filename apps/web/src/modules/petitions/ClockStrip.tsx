import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import type { PetitionDetail } from './petition-api';

const PHASES = ['route', 'accept', 'handle', 'window', 'review', 'recheck'] as const;

/** When each phase ended, from the petition's own facts (a phase skipped stays blank). */
function endOf(p: PetitionDetail, phase: (typeof PHASES)[number]) {
  switch (phase) {
    case 'route':
      return p.routedAt;
    case 'accept':
      return p.acceptedAt;
    case 'handle':
      return p.answeredAt;
    case 'window':
      return p.reviewRequestedAt;
    case 'review':
      return p.reviewServedAt;
    case 'recheck':
      return p.conclusion === 'recheck_final' ? p.concludedAt : null;
  }
}

/** The legal clock strip: 15 → 15 → 60 (+30) → 30 → 30 → 30, the running phase with its deadline. */
export function ClockStrip({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  const current = PHASES.indexOf((p.phase ?? '') as (typeof PHASES)[number]);
  return (
    <div data-testid="petition-clock-strip">
      <Steps
        size="small"
        current={current < 0 ? PHASES.length : current}
        status={p.slaState === 'overdue' ? 'error' : 'process'}
        items={PHASES.map((phase, i) => {
          const done = endOf(p, phase);
          const running = i === current;
          const deadline = phase === 'handle' && running ? p.handleDeadline : running ? p.deadline : null;
          return {
            title: t(`petition.phase.${phase}`),
            content: running ? (
              <Typography.Text type={p.slaState === 'normal' ? undefined : 'danger'}>
                {p.hearingSince
                  ? t('petition.page.hearing')
                  : t('petition.page.stepDeadline', { at: formatTime(deadline, 'YYYY-MM-DD') })}
              </Typography.Text>
            ) : done ? (
              formatTime(done, 'MM-DD')
            ) : null,
          };
        })}
      />
      {p.extension && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('petition.page.extensionText', {
            days: p.extension.days,
            reason: p.extension.reason,
            at: formatTime(p.extension.noticeServedAt, 'YYYY-MM-DD HH:mm'),
          })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
