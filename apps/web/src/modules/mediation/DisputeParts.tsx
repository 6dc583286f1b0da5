import { Button, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import type { DisputeDetail } from './mediation-api';
import { ClockBadge, RiskTags } from './labels';

export function DisputeFacts({ d }: { d: DisputeDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered data-testid="dispute-facts">
      <Descriptions.Item label={t('mediation.field.type')}>{d.type}</Descriptions.Item>
      <Descriptions.Item label={t('mediation.field.source')}>
        {t(`mediation.sourceName.${d.source as 'screening'}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('mediation.field.body')}>{d.bodyName}</Descriptions.Item>
      <Descriptions.Item label={t('mediation.field.mediators')}>
        {d.mediators.map((m) => m.name).join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('mediation.field.summary')} span={2}>
        {d.summary}
      </Descriptions.Item>
      {d.demands && (
        <Descriptions.Item label={t('mediation.field.demands')} span={2}>
          {d.demands}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('mediation.field.peopleInvolved')}>{d.peopleInvolved}</Descriptions.Item>
      <Descriptions.Item label={t('mediation.field.amountInvolved')}>
        {d.amountInvolved ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('mediation.field.foundAt')}>{formatTime(d.foundAt)}</Descriptions.Item>
      <Descriptions.Item label={t('mediation.field.deadline')}>
        {d.deadline ? formatTime(d.deadline, 'YYYY-MM-DD') : '—'} <ClockBadge d={d} />
      </Descriptions.Item>
      {d.confirmDeadline && (
        <Descriptions.Item label={t('mediation.field.confirmDeadline')}>
          {formatTime(d.confirmDeadline, 'YYYY-MM-DD')}
          {d.confirmAppliedOn && <Tag style={{ marginLeft: 8 }}>{d.confirmAppliedOn}</Tag>}
        </Descriptions.Item>
      )}
      {d.followupDue && (
        <Descriptions.Item label={t('mediation.field.followupDue')}>{d.followupDue}</Descriptions.Item>
      )}
      {d.guidance && (
        <Descriptions.Item label={t('mediation.input.guidance')} span={2}>
          {d.guidance}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('mediation.field.riskLevel')} span={2}>
        <RiskTags d={d} />
      </Descriptions.Item>
    </Descriptions>
  );
}

export function Sessions({ d }: { d: DisputeDetail }) {
  const { t } = useTranslation();
  if (!d.sessions.length) return <Empty description={t('mediation.page.noSessions')} />;
  return (
    <List
      data-testid="dispute-sessions"
      dataSource={d.sessions}
      renderItem={(s) => (
        <List.Item>
          <List.Item.Meta
            title={`${formatTime(s.at)} · ${s.place}`}
            description={
              <Space direction="vertical" size={0}>
                <Typography.Text>{s.record}</Typography.Text>
                {s.outcome && <Typography.Text type="secondary">{s.outcome}</Typography.Text>}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

export function Agreement({ d }: { d: DisputeDetail }) {
  const { t } = useTranslation();
  const a = d.agreement;
  if (!a) return <Empty description={t('mediation.page.noAgreement')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dispute-agreement">
      <Space wrap>
        <Tag color="green">{t(`mediation.option.${a.form}`)}</Tag>
        {a.documentNumber && (
          <Typography.Text strong data-testid="agreement-number">
            {a.documentNumber}
          </Typography.Text>
        )}
        {a.documentId && (
          <Button
            icon={<FilePdfOutlined />}
            href={`/api/documents/${a.documentId}/file`}
            target="_blank"
            data-testid="agreement-pdf"
          >
            {t('mediation.page.pdf')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph>{a.facts}</Typography.Paragraph>
      <Typography.Paragraph strong>{a.terms}</Typography.Paragraph>
      {a.obligations.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={a.obligations}
          columns={[
            { title: t('mediation.field.parties'), dataIndex: 'party' },
            { title: t('mediation.input.obligations'), dataIndex: 'what' },
            { title: t('mediation.field.amountInvolved'), dataIndex: 'amount' },
            { title: t('mediation.field.followupDue'), dataIndex: 'due' },
            {
              title: t('mediation.field.outcome'),
              key: 'done',
              render: (_, o) =>
                o.performedAt ? <Tag color="green">{t('mediation.option.performed')}</Tag> : '—',
            },
          ]}
        />
      )}
    </Space>
  );
}

export function Followups({ d }: { d: DisputeDetail }) {
  const { t } = useTranslation();
  if (!d.followups.length) return <Empty description={t('mediation.page.noFollowups')} />;
  return (
    <List
      data-testid="dispute-followups"
      dataSource={d.followups}
      renderItem={(f) => (
        <List.Item>
          <Space wrap>
            <Typography.Text>{formatTime(f.at)}</Typography.Text>
            <Tag>{t(`mediation.option.${f.result as 'performed'}`)}</Tag>
            <Typography.Text>{f.note}</Typography.Text>
            <Typography.Text type="secondary">{f.byName}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
