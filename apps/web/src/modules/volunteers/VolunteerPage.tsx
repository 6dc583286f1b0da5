import { Card, Descriptions, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailPage } from '../../kit/DetailPage';
import { CertTag, useKindLabel } from './labels';
import { hhmm, shanghaiDay, useVolunteer, type VolunteerDetail } from './volunteers-api';

/** One volunteer: identity as the registry masks it, certificate, trainings and the duty record with hours. */
export default function VolunteerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const q = useVolunteer(id);
  return (
    <DetailPage<VolunteerDetail>
      query={q}
      backTo="/volunteers"
      testId="volunteer-page"
      header={(v) => (
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {v.name}
          </Typography.Title>
          <Tag>{kindLabel(v.kind, v.subtype)}</Tag>
          <CertTag state={v.certificateState} />
        </Space>
      )}
      summary={(v) => (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="volunteer-summary">
          <Descriptions.Item label={t('volunteers.field.idNumber')}>{v.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.phone')}>{v.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.org')}>{v.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.team')}>{v.teamName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.employer')}>{v.employer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.skills')}>
            {v.skills.join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.certNumber')}>
            {v.certificate?.number ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.certValidTo')}>
            {v.certificate?.validTo ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.status')}>
            {t(`volunteers.statuses.${v.status as 'active'}`)}
          </Descriptions.Item>
        </Descriptions>
      )}
      sections={(v) => [
        {
          key: 'hours',
          title: t('volunteers.field.signins'),
          testId: 'volunteer-signins',
          content: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card size="small">
                <Statistic
                  title={t('volunteers.field.serviceHours')}
                  value={v.serviceHours}
                  precision={2}
                  suffix="h"
                  data-testid="volunteer-hours"
                />
              </Card>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={v.signins}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('volunteers.nav.posts'), dataIndex: 'postName' },
                  {
                    title: t('volunteers.field.time'),
                    key: 'day',
                    render: (_, s) =>
                      `${shanghaiDay(s.signedInAt)} ${hhmm(s.signedInAt)}–${s.signedOutAt ? hhmm(s.signedOutAt) : ''}`,
                  },
                  { title: t('volunteers.field.hours'), key: 'h', render: (_, s) => s.hours ?? '—' },
                  {
                    title: t('volunteers.field.confirmed'),
                    key: 'c',
                    render: (_, s) =>
                      s.confirmed ? (
                        <Tag color="green">{t('volunteers.field.confirmed')}</Tag>
                      ) : (
                        <Tag>{t('volunteers.field.notConfirmed')}</Tag>
                      ),
                  },
                ]}
              />
            </Space>
          ),
        },
        {
          key: 'trainings',
          title: t('volunteers.field.trainings'),
          content: (
            <Table
              size="small"
              rowKey={(r) => `${r.date}${r.topic}`}
              pagination={false}
              dataSource={v.trainings}
              columns={[
                { title: t('volunteers.field.date'), dataIndex: 'date' },
                { title: t('volunteers.field.trainings'), dataIndex: 'topic' },
                { title: t('volunteers.field.hours'), dataIndex: 'hours' },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
