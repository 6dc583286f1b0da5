import { Alert, Button, Space, Tag, Typography, theme } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/time';
import type { CaseAction, CaseDetail } from './case-types';
import { CASE_ACTIONS } from './case-types';
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

interface Props {
  detail: CaseDetail;
  wide: boolean;
  onAction: (action: CaseAction) => void;
}

const PRIMARY: readonly CaseAction[] = [
  'register',
  'dispatch',
  'accept',
  'feedback',
  'verify',
  'close',
  'self_handle',
];

export function CaseHeader({ detail: c, wide, onAction }: Props) {
  const { t } = useTranslation();
  const open = isOpen(c.status);
  const actions = CASE_ACTIONS.filter((a) => c.allowedActions.includes(a));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
        <Typography.Title
          level={4}
          style={{ margin: 0 }}
          data-testid="case-number"
          copyable={{ text: c.number }}
        >
          {c.number}
        </Typography.Title>
        <CaseStatusTag status={c.status} testId="case-status" />
        {open && <SlaBadge state={c.slaState} testId="case-sla" />}
        {c.urgency === 'urgent' && <Tag color="red">{t('case.urgency.urgent')}</Tag>}
        {c.reworkCount > 0 && <Tag color="volcano">{t('case.page.rework', { count: c.reworkCount })}</Tag>}
        {c.wasOverdue && <Tag>{t('case.page.wasOverdue')}</Tag>}
      </div>
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
      <div data-testid="case-actions">
        {actions.length === 0 ? (
          <Typography.Text type="secondary">{t('case.page.noActions')}</Typography.Text>
        ) : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {actions.map((a) => (
              <Button
                key={a}
                type={PRIMARY.includes(a) ? 'primary' : 'default'}
                danger={a === 'reject' || a === 'supervise'}
                size={wide ? 'middle' : 'large'}
                onClick={() => onAction(a)}
                data-testid={`action-${a}`}
                style={wide ? undefined : { flex: PRIMARY.includes(a) ? '1 1 100%' : '1 1 40%' }}
              >
                {t(`case.action.${a}`)}
              </Button>
            ))}
          </div>
        )}
      </div>
    </Space>
  );
}
