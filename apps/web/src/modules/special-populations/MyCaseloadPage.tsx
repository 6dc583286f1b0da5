import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ContactModal } from './ContactModal';
import { DueTag } from './ContactsSection';
import { useCaseload, type CaseloadItem } from './contacts-api';
import { LevelTag } from './labels';

/**
 * 我的帮教对象, laid out for a phone (375 px): the worker's own people, those with something overdue or due
 * first, each with what falls due this week and one tap to record the contact.
 */
export default function MyCaseloadPage() {
  const { t } = useTranslation();
  const q = useCaseload();
  const [open, setOpen] = useState<CaseloadItem | null>(null);
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="special-caseload">
      <Typography.Title level={4}>{t('special.nav.mine')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('special.caseload.hint')}</Typography.Paragraph>
      {q.isLoading && <Spin />}
      {q.isError && <Alert type="error" message={t('special.contact.loadFailed')} />}
      {q.data && !q.data.items.length && <Empty description={t('special.caseload.empty')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {q.data?.items.map((i) => {
          const now = i.due.filter((d) => d.state !== 'upcoming');
          return (
            <Card key={i.id} size="small" data-testid="caseload-card" data-id={i.id}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                <Space direction="vertical" size={2}>
                  <Link to={`/special/files/${i.id}`}>
                    <Typography.Text strong>{i.personName}</Typography.Text>
                  </Link>
                  <Space size={4} wrap>
                    <Tag>{t(`special.category.${i.category}`)}</Tag>
                    <LevelTag level={i.managementLevel} risk={i.riskLevel} />
                  </Space>
                  <Typography.Text type="secondary">{i.personPhone ?? '—'}</Typography.Text>
                </Space>
                <Button
                  type={now.length ? 'primary' : 'default'}
                  onClick={() => setOpen(i)}
                  data-testid="caseload-record"
                  style={{ minHeight: 44 }}
                >
                  {t('special.contact.recordShort')}
                </Button>
              </Space>
              <Space size={4} wrap style={{ marginTop: 8 }} data-testid="caseload-due">
                {i.due.length ? (
                  i.due.map((d) => <DueTag key={`${d.kind}${d.dueOn}`} d={d} />)
                ) : (
                  <Typography.Text type="secondary">{t('special.contact.nothingDue')}</Typography.Text>
                )}
              </Space>
            </Card>
          );
        })}
      </Space>
      {open && (
        <ContactModal
          fileId={open.id}
          personName={open.personName}
          kind={open.due[0]?.kind}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
