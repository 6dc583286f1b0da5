import { useState } from 'react';
import { Button, Card, Col, Grid, Row, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useCase } from './case-api';
import type { CaseAction } from './case-types';
import { CaseActionModal } from './CaseActionModal';
import { CaseDetails, CaseMap } from './CaseDetails';
import { CaseHeader } from './CaseHeader';
import { AttachmentThumbs, CaseTimeline } from './CaseTimeline';

/**
 * One case: header with status, time limit and the buttons for exactly the actions the API allows this user now;
 * details with map and photos; the timeline. On a phone everything stacks, actions first.
 */
export default function CasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const wide = Grid.useBreakpoint().lg !== false;
  const query = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);

  const back = (
    <Button
      type="text"
      icon={<ArrowLeftOutlined />}
      onClick={() => void (window.history.length > 1 ? navigate(-1) : navigate('/cases'))}
      aria-label={t('case.page.back')}
    />
  );

  if (query.isPending)
    return (
      <Card>
        <Spin />
      </Card>
    );
  if (query.isError)
    return (
      <Card title={back}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );

  const c = query.data;
  const hasMap = c.lng !== null && c.lat !== null;
  const gap = wide ? 16 : 12;

  return (
    <Space
      orientation="vertical"
      size={gap}
      style={{ width: '100%' }}
      data-testid="case-page"
      data-case-id={c.id}
    >
      <Card size={wide ? 'default' : 'small'}>
        <div style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
          {back}
          <div style={{ flex: 1, minWidth: 0 }}>
            <CaseHeader detail={c} wide={wide} onAction={setAction} />
          </div>
        </div>
      </Card>
      <Row gutter={[gap, gap]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={gap} style={{ width: '100%' }}>
            <Card title={t('case.page.details')} size={wide ? 'default' : 'small'}>
              <CaseDetails detail={c} />
              {hasMap && (
                <div style={{ marginTop: 12 }} data-testid="case-map">
                  <CaseMap detail={c} height={wide ? 260 : 200} />
                </div>
              )}
            </Card>
            <Card title={t('case.page.photos')} size={wide ? 'default' : 'small'} data-testid="case-photos">
              {c.attachments.length ? (
                <AttachmentThumbs items={c.attachments} size={wide ? 96 : 80} />
              ) : (
                <Typography.Text type="secondary">{t('kit.photo.empty')}</Typography.Text>
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('case.page.timeline')} size={wide ? 'default' : 'small'}>
            <CaseTimeline events={c.timeline} attachments={c.attachments} />
          </Card>
        </Col>
      </Row>
      {action && <CaseActionModal key={action} detail={c} action={action} onClose={() => setAction(null)} />}
    </Space>
  );
}
