import { useState } from 'react';
import { Descriptions, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RISK_ACTIONS, type RiskAction } from '@civicgrid/shared/stability';
import { useCan } from '../../app/auth';
import { DetailPage } from '../../kit/DetailPage';
import { RecordSubjects } from '../../kit/RecordSubjects';
import { RecordTimeline } from '../../kit/RecordTimeline';
import { formatTime } from '../../lib/time';
import { LevelTag, RiskStatusTag } from './labels';
import { RiskActionModal } from './RiskActionModal';
import { useRisk, type RiskDetail } from './stability-api';

const PRIMARY: readonly RiskAction[] = ['assign', 'control', 'accept_escalation', 'resolve'];
const DANGER: readonly RiskAction[] = ['occur', 'decline_escalation'];
const LINK_PATH = { petition: '/petitions', dispute: '/mediation/disputes', case: '/cases' } as const;

/** One risk factor: level and status in the header, the actions the API allows now, people, links, history. */
export default function RiskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useRisk(id);
  const [action, setAction] = useState<RiskAction | null>(null);
  const canWrite = useCan('risk.report');
  return (
    <DetailPage<RiskDetail, RiskAction>
      query={query}
      backTo="/stability/risks"
      testId="risk-page"
      dataId={(r) => r.id}
      header={(r) => (
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {r.number}
          </Typography.Title>
          <LevelTag level={r.level} />
          <RiskStatusTag status={r.status} overdue={r.overdue} />
        </Space>
      )}
      summary={(r) => (
        <Typography.Text>
          {r.type} · {r.title}
        </Typography.Text>
      )}
      actions={(r) => ({
        allowed: r.allowedActions as RiskAction[],
        order: RISK_ACTIONS,
        label: (a) => t(`stability.action.${a}`),
        primary: PRIMARY,
        danger: DANGER,
        onAction: setAction,
        testId: 'risk-actions',
      })}
      sections={(r) => [
        { key: 'details', title: t('stability.page.details'), content: <RiskFacts r={r} /> },
        {
          key: 'persons',
          title: t('stability.page.persons'),
          testId: 'risk-persons',
          content: <RecordSubjects ownerType="risk" ownerId={r.id} canWrite={canWrite} />,
        },
        {
          key: 'links',
          title: t('stability.page.links'),
          content: (
            <List
              size="small"
              dataSource={r.links}
              locale={{ emptyText: t('stability.page.none') }}
              renderItem={(l) => (
                <List.Item>
                  {t(`stability.linkType.${l.type}`)} ·{' '}
                  <Link to={`${LINK_PATH[l.type]}/${l.id}`}>{l.label}</Link>
                </List.Item>
              )}
            />
          ),
        },
      ]}
      timeline={(r) => ({
        title: t('stability.page.timeline'),
        content: (
          <RecordTimeline
            events={r.timeline}
            actionLabel={(e) => t(`stability.action.${e.action as 'assign'}`, { defaultValue: e.action })}
            statusLabel={(s) => t(`stability.status.${s as 'registered'}`)}
            testId="risk-timeline"
          />
        ),
      })}
    >
      {action && query.data && (
        <RiskActionModal key={action} detail={query.data} action={action} onClose={() => setAction(null)} />
      )}
    </DetailPage>
  );
}

function RiskFacts({ r }: { r: RiskDetail }) {
  const { t } = useTranslation();
  const f = (k: 'source') => t(`stability.field.${k}`);
  const dash = (v: string | null) => v || '—';
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="risk-facts">
      <Descriptions.Item label={f('source')}>{t(`stability.source.${r.source as 'grid'}`)}</Descriptions.Item>
      <Descriptions.Item label={t('stability.field.orgId')}>{dash(r.orgName)}</Descriptions.Item>
      <Descriptions.Item label={t('stability.field.peopleInvolved')}>{r.peopleInvolved}</Descriptions.Item>
      <Descriptions.Item label={t('stability.field.collective')}>
        {r.collective ? t('stability.page.yes') : t('stability.page.no')}
      </Descriptions.Item>
      <Descriptions.Item label={t('stability.field.location')}>{dash(r.location)}</Descriptions.Item>
      <Descriptions.Item label={t('stability.field.reportedAt')}>
        {formatTime(r.reportedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('stability.field.unit')}>{dash(r.unitName)}</Descriptions.Item>
      <Descriptions.Item label={t('stability.field.responsiblePerson')}>
        {dash(r.responsiblePerson)}
      </Descriptions.Item>
      <Descriptions.Item label={t('stability.field.deadline')}>
        {r.deadline ? formatTime(r.deadline) : '—'}
      </Descriptions.Item>
      {r.escalatedToName && (
        <Descriptions.Item label={t('stability.field.escalatedTo')}>{r.escalatedToName}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('stability.field.measures')} span={2}>
        {dash(r.measures)}
      </Descriptions.Item>
      <Descriptions.Item label={t('stability.field.description')} span={2}>
        {dash(r.description)}
      </Descriptions.Item>
      {r.result && (
        <Descriptions.Item label={t('stability.field.result')} span={2}>
          {r.result}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
