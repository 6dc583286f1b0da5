import { Alert, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import type { CaseDetail } from './case-types';
import { useCallbacks, type CaseCallback } from './return-visit-api';
import { useNow } from './use-now';

/** Whether the case page shows the 回访 section: a call-back is open, was made, or the case was reopened. */
export function hasReturnVisit(c: CaseDetail) {
  return !!c.callbackDue || c.reopenCount > 0 || c.evaluation === 'unsatisfied';
}

const OUTCOME_COLOUR = { satisfied: 'green', not_solved: 'red' } as const;

/** 回访 on the case page: the open call-back's time limit, the times reopened, every call-back's answer. */
export function ReturnVisitSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const now = useNow();
  const list = useCallbacks(detail.id, detail.version, true);
  const overdue = !!detail.callbackDue && new Date(detail.callbackDue).getTime() < now;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="case-return-visit">
      {detail.callbackDue && (
        <Alert
          type={overdue ? 'error' : 'warning'}
          showIcon
          title={t('caseReturn.due', { time: formatTime(detail.callbackDue, 'YYYY-MM-DD HH:mm') })}
          description={overdue ? t('caseReturn.overdue') : undefined}
          data-testid="case-callback-due"
        />
      )}
      {detail.reopenCount > 0 && (
        <Tag color="orange" data-testid="case-reopen-count">
          {t('caseReturn.reopened', { count: detail.reopenCount })}
        </Tag>
      )}
      <List<CaseCallback>
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('caseReturn.empty') }}
        renderItem={(k) => (
          <List.Item data-testid="case-callback-row">
            <Space orientation="vertical" size={2}>
              <Space size={6} wrap>
                {k.status === 'open' ? (
                  <Tag color="gold">{t('caseReturn.open')}</Tag>
                ) : k.outcome ? (
                  <Tag color={OUTCOME_COLOUR[k.outcome]}>{t(`caseReturn.outcomes.${k.outcome}`)}</Tag>
                ) : (
                  <Tag>{t('caseReturn.ended')}</Tag>
                )}
                {k.evaluation && (
                  <Typography.Text type="secondary">
                    {t('caseReturn.evaluation', { value: t(`case.evaluation.${k.evaluation}`) })}
                    {k.evaluationComment ? `（${k.evaluationComment}）` : ''}
                  </Typography.Text>
                )}
                {k.attempts > 0 && (
                  <Typography.Text type="secondary">
                    {t('caseReturn.attempts', { count: k.attempts })}
                  </Typography.Text>
                )}
              </Space>
              {k.note && <Typography.Text>{k.note}</Typography.Text>}
              {k.answeredBy && k.answeredAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('caseReturn.answeredBy', {
                    name: k.answeredBy,
                    time: formatTime(k.answeredAt, 'YYYY-MM-DD HH:mm'),
                  })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
