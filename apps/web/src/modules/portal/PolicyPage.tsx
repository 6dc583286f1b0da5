import { Alert, Button, Descriptions, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLang } from '../../app/i18n/i18n';
import { errorMessage } from '../../lib/error-message';
import { portalApi } from './portal-api';

export default function PolicyPage() {
  const { t } = useTranslation();
  const p = 'publicSide.portal.policies';
  const { id = '' } = useParams();
  const doc = useQuery({ queryKey: ['portal', 'policy', id], queryFn: () => portalApi.policy(id) });
  return (
    <div data-testid="portal-policy-detail">
      <Link to="/public/policies">
        <ArrowLeftOutlined /> {t(`${p}.back`)}
      </Link>
      {doc.isPending ? (
        <Spin style={{ display: 'block', margin: 32 }} />
      ) : doc.isError ? (
        <Alert type="error" message={errorMessage(t, doc.error)} style={{ marginTop: 12 }} />
      ) : (
        <article className="portal-card" style={{ marginTop: 10 }}>
          <h1 style={{ fontSize: 19 }}>{doc.data.title}</h1>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'c',
                label: t('publicSide.admin.policies.category'),
                children:
                  currentLang() === 'en'
                    ? (doc.data.categoryNameEn ?? doc.data.categoryName)
                    : doc.data.categoryName,
              },
              { key: 'i', label: t(`${p}.issuer`), children: doc.data.issuer },
              ...(doc.data.docNumber
                ? [{ key: 'n', label: t(`${p}.number`), children: doc.data.docNumber }]
                : []),
              { key: 'd', label: t(`${p}.issuedOn`), children: doc.data.issuedOn },
            ]}
          />
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginTop: 12, fontSize: 15, lineHeight: 1.8 }}
          >
            {doc.data.body}
          </Typography.Paragraph>
          {doc.data.attachmentId && (
            <Button
              icon={<FilePdfOutlined />}
              href={`/api/public/policies/${doc.data.id}/file`}
              target="_blank"
              block
              size="large"
            >
              {t(`${p}.pdf`)}
            </Button>
          )}
        </article>
      )}
    </div>
  );
}
