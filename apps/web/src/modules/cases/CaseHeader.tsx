import { Alert, Button, Tag, Typography, theme } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/time';
import type { CaseDetail } from './case-types';
import { formatSpan, isOpen } from './case-labels';
import { CaseStatusTag, SlaBadge } from './CaseTags';
import { useNow } from './use-now';

/** The step's deadline and the time left (or past it), refreshed every 30 s. */
function Countdown({ deadline }: { deadline: string | null }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = useNow();
  if (!deadline) return <Typography.Text type="secondary">{t('case.page.noDeadline')}</Typography.Text>;
  const left = new Date(deadline).getTime() - now;
  return (
    <span data-testid="case-countdown">
      <ClockCircleOutlined style={{ color: left < 0 ? token.colorError : token.colorTextSecondary }} />{' '}
      <Typography.Text type="secondary">{t('case.field.stepDeadline')}</Typography.Text>{' '}
      <span style={{ whiteSpace: 'nowrap' }}>{formatTime(deadline, 'YYYY-MM-DD HH:mm')}</span>
      <Typography.Text strong type={left < 0 ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {' · '}
        {left < 0
          ? t('case.page.overdueBy', { time: formatSpan(t, left) })
          : t('case.page.remaining', { time: formatSpan(t, left) })}
      </Typography.Text>
    </span>
  );
}

/** The heading line of a case: its number, status, time limit state and the marks it carries. */
export function CaseHeading({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title
        level={4}
        style={{ margin: 0 }}
        data-testid="case-number"
        copyable={{ text: c.number }}
      >
        {c.number}
      </Typography.Title>
      <CaseStatusTag status={c.status} testId="case-status" />
      {isOpen(c.status) && <SlaBadge state={c.slaState} testId="case-sla" />}
      {c.urgency === 'urgent' && <Tag color="red">{t('case.urgency.urgent')}</Tag>}
      {c.reworkCount > 0 && <Tag color="volcano">{t('case.page.rework', { count: c.reworkCount })}</Tag>}
      {c.wasOverdue && <Tag>{t('case.page.wasOverdue')}</Tag>}
    </>
  );
}

/** Under the heading: the title, the countdown, and what waits on someone (supervision, an extension, a merge). */
export function CaseSummary({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const open = isOpen(c.status);
  return (
    <>
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="case-title">
        {c.title}
      </Typography.Text>
      {open && <Countdown deadline={c.stepDeadline} />}
      {c.supervision && (
        <Alert
          type="error"
          showIcon
          data-testid="case-supervision"
          title={
            <span>
              <strong>{t('case.page.supervision')}</strong>
              {' · '}
              {t('case.page.supervisionBy', {
                by: c.supervision.by,
                at: formatTime(c.supervision.at, 'YYYY-MM-DD HH:mm'),
              })}
            </span>
          }
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{c.supervision.note}</div>
              {c.supervision.deadline && (
                <div>
                  {t('case.page.newDeadline', {
                    time: formatTime(c.supervision.deadline, 'YYYY-MM-DD HH:mm'),
                  })}
                </div>
              )}
            </>
          }
        />
      )}
      {c.extensionRequest && (
        <Alert
          type="warning"
          showIcon
          data-testid="case-extension"
          title={<strong>{t('case.page.extensionRequest')}</strong>}
          description={
            <>
              <div>
                {t('case.page.extensionBy', {
                  by: c.extensionRequest.by,
                  at: formatTime(c.extensionRequest.at, 'YYYY-MM-DD HH:mm'),
                  deadline: formatTime(c.extensionRequest.deadline, 'YYYY-MM-DD HH:mm'),
                })}
              </div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.extensionRequest.reason}</div>
            </>
          }
        />
      )}
      {c.mergedInto && (
        <Alert
          type="info"
          showIcon
          title={t('case.page.merged')}
          action={
            <Link to={`/cases/${c.mergedInto}`}>
              <Button size="small">{t('case.page.openMerged')}</Button>
            </Link>
          }
        />
      )}
    </>
  );
}
