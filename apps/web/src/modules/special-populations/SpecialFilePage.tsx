import { useState } from 'react';
import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CORRECTIONS_ACTIONS, type CorrectionsAction } from '@civicgrid/shared/special-populations';
import { DetailPage } from '../../kit/DetailPage';
import { RecordTimeline } from '../../kit/RecordTimeline';
import { ContactsSection } from './ContactsSection';
import { FileActionModal } from './FileActionModal';
import { LevelTag, StatusTag, useSubLabel } from './labels';
import { useSpecialFile, type SpecialFileDetail } from './special-api';

/** One person's file of one category: the person in clear (this read is audited), terms, team and its warnings. */
export default function SpecialFilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useSpecialFile(id);
  const [action, setAction] = useState<CorrectionsAction | null>(null);
  return (
    <DetailPage<SpecialFileDetail, CorrectionsAction>
      query={query}
      backTo={query.data ? `/special/${query.data.category}` : '/special/corrections'}
      testId="special-file-page"
      dataId={(d) => d.id}
      header={(d) => (
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {d.personName}
          </Typography.Title>
          <Tag>{t(`special.category.${d.category}`)}</Tag>
          <StatusTag status={d.status} />
          <LevelTag level={d.managementLevel} risk={d.riskLevel} />
        </Space>
      )}
      summary={(d) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {d.lateReport && <Alert type="error" showIcon message={t('special.page.lateReport')} />}
          {d.warnings.map((w) => (
            <Alert
              key={w}
              type="warning"
              showIcon
              message={t(`special.warning.${w}`)}
              data-testid="special-warning"
            />
          ))}
          <Typography.Text type="secondary">{t('special.page.audited')}</Typography.Text>
        </Space>
      )}
      actions={(d) => ({
        allowed: d.allowedActions,
        order: CORRECTIONS_ACTIONS,
        label: (a) => t(`special.action.${a}`),
        primary: ['report', 'announce', 'return', 'found'],
        danger: ['lose_contact'],
        onAction: setAction,
        testId: 'special-actions',
      })}
      timeline={(d) => ({
        title: t('special.page.timeline'),
        content: (
          <RecordTimeline
            events={d.timeline}
            actionLabel={(e) =>
              t(`special.action.${e.action as 'report'}`, {
                defaultValue: e.action === 'late_report' ? t('special.page.lateReport') : e.action,
              })
            }
            statusLabel={(s) => t(`special.status.${s as 'ended'}`)}
            testId="special-timeline"
          />
        ),
      })}
      sections={(d) => [
        { key: 'person', title: t('special.page.person'), content: <Person d={d} /> },
        { key: 'facts', title: t('special.page.facts'), content: <Facts d={d} /> },
        { key: 'team', title: t('special.page.team'), testId: 'special-team', content: <Team d={d} /> },
        {
          key: 'contacts',
          title: t('special.contact.title'),
          content: <ContactsSection fileId={d.id} personName={d.personName} />,
        },
      ]}
    >
      {action && query.data && (
        <FileActionModal key={action} detail={query.data} action={action} onClose={() => setAction(null)} />
      )}
    </DetailPage>
  );
}

function Person({ d }: { d: SpecialFileDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="special-person">
      <Descriptions.Item label={t('special.field.name')}>{d.personName}</Descriptions.Item>
      <Descriptions.Item label={t('special.field.idNumber')}>{d.personIdNumber}</Descriptions.Item>
      <Descriptions.Item label={t('special.field.sex')}>
        {d.personSex ? t(`special.sex.${d.personSex as 'male'}`, { defaultValue: d.personSex }) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('special.field.phone')}>{d.personPhone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('special.field.address')}>{d.personAddress ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

function Facts({ d }: { d: SpecialFileDetail }) {
  const { t } = useTranslation();
  const sub = useSubLabel();
  const rows: [string, string | null | undefined][] = [
    [t('special.field.subcategory'), sub(d.subcategory)],
    [t('special.field.responsibleOrg'), d.responsibleOrgName],
    [t('special.field.cadre'), d.cadreName],
    [t('special.field.startDate'), d.startDate],
    [t('special.field.plannedEnd'), d.plannedEnd],
  ];
  if (d.category === 'corrections')
    rows.push(
      [t('special.field.effectiveDate'), d.effectiveDate],
      [t('special.field.reportDue'), d.reportDue],
    );
  if (d.category === 'released')
    rows.push([t('special.field.releaseDate'), d.releaseDate], [t('special.field.windowEnd'), d.windowEnd]);
  if (d.category === 'mental')
    rows.push(
      [t('special.field.riskLevel'), d.riskLevel === null ? null : String(d.riskLevel)],
      [t('special.field.guardianName'), d.guardianName],
      [t('special.field.guardianPhone'), d.guardianPhone],
    );
  if (d.note) rows.push([t('special.field.note'), d.note]);
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="special-facts">
      {rows.map(([label, value]) => (
        <Descriptions.Item key={label} label={label}>
          {value ?? '—'}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Team({ d }: { d: SpecialFileDetail }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={d.team}
      locale={{ emptyText: '—' }}
      columns={[
        { title: t('special.field.memberName'), dataIndex: 'name' },
        {
          title: t('special.field.role'),
          key: 'role',
          render: (_, m) => t(`special.teamRole.${m.role as 'cadre'}`),
        },
        {
          title: t('special.field.sex'),
          key: 'sex',
          render: (_, m) => (m.sex ? t(`special.sex.${m.sex as 'male'}`) : '—'),
        },
        { title: t('special.field.phone'), key: 'phone', render: (_, m) => m.phone ?? '—' },
      ]}
    />
  );
}
