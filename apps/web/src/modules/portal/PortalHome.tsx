import { Button, Empty, Input, Spin } from 'antd';
import { CalendarOutlined, EnvironmentOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NoticeCard } from './NoticeCard';
import { useNotices } from './portal-api';
import { TrackForm } from './TrackForm';

export default function PortalHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notices = useNotices();
  const h = 'publicSide.portal.home';
  return (
    <div data-testid="portal-home">
      <section
        className="portal-card"
        style={{ background: 'linear-gradient(135deg,#1668dc,#4096ff)', color: '#fff' }}
      >
        <p style={{ fontSize: 18, fontWeight: 600, margin: '4px 0 14px' }}>{t(`${h}.hero`)}</p>
        <Button
          size="large"
          block
          icon={<FormOutlined />}
          onClick={() => void navigate('/public/report')}
          data-testid="portal-report-button"
          style={{ height: 52, fontSize: 18, fontWeight: 600 }}
        >
          {t(`${h}.report`)}
        </Button>
        <Link to="/public/reports" style={{ color: '#fff', display: 'inline-block', marginTop: 10 }}>
          <EnvironmentOutlined /> {t(`${h}.recent`)}
        </Link>
      </section>
      <section className="portal-card" data-testid="portal-reception">
        <h2>{t('petitionCases.portal.title')}</h2>
        <p style={{ margin: '0 0 10px' }}>{t('petitionCases.portal.intro')}</p>
        <Button
          block
          size="large"
          icon={<CalendarOutlined />}
          onClick={() => void navigate('/public/reception')}
          data-testid="portal-reception-link"
        >
          {t('petitionCases.portal.book')}
        </Button>
      </section>
      <section className="portal-card">
        <h2>{t(`${h}.followTitle`)}</h2>
        <TrackForm />
      </section>
      <section className="portal-card">
        <h2>{t(`${h}.policies`)}</h2>
        <Input.Search
          placeholder={t(`${h}.policyPlaceholder`)}
          onSearch={(q) => void navigate(`/public/policies?q=${encodeURIComponent(q)}`)}
          enterButton
          size="large"
          data-testid="portal-policy-search"
        />
      </section>
      <section className="portal-card">
        <h2 style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>{t(`${h}.notices`)}</span>
          <Link to="/public/notices" style={{ fontSize: 14, fontWeight: 400 }}>
            {t(`${h}.more`)}
          </Link>
        </h2>
        {notices.isPending ? (
          <Spin />
        ) : notices.data?.items.length ? (
          notices.data.items.slice(0, 4).map((n) => <NoticeCard key={n.id} notice={n} />)
        ) : (
          <Empty description={t('publicSide.portal.notices.empty')} />
        )}
      </section>
    </div>
  );
}
