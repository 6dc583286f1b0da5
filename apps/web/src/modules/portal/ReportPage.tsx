import { lazy, Suspense, useState } from 'react';
import { Alert, App, Button, Form, Input, Spin, Steps, Typography } from 'antd';
import { CheckCircleFilled, CopyOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLang } from '../../app/i18n/i18n';
import { errorMessage } from '../../lib/error-message';
import { CategoryIcon } from './category-icon';
import { PhotoPicker, type Photo } from './PhotoPicker';
import { portalApi, usePublicCategories, type PublicCategory } from './portal-api';

const PortalMap = lazy(() => import('./PortalMap'));

interface Details {
  description: string;
  name?: string;
  phone?: string;
  website?: string;
}

function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export const categoryName = (c: { name: string; nameEn: string }) =>
  currentLang() === 'en' ? c.nameEn : c.name;

/** 上报: category → place → photos and words → the tracking code. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const r = 'publicSide.portal.report';
  const categories = usePublicCategories();
  const [step, setStep] = useState(0);
  const [category, setCategory] = useState<PublicCategory | null>(null);
  const [pin, setPin] = useState<{ lng: number; lat: number } | null>(null);
  const [address, setAddress] = useState('');
  const [placeError, setPlaceError] = useState(false);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  // One key per visit: a double tap or a retry after a lost answer gets the same tracking code (a refused
  // submission made nothing, so its key stays free for the corrected one).
  const [key] = useState(newKey);
  const [form] = Form.useForm<Details>();

  const submit = async (d: Details) => {
    setSubmitting(true);
    setError(null);
    try {
      const res = await portalApi.report(
        {
          categoryId: category!.id,
          ...(pin ? { location: pin } : {}),
          ...(address.trim() ? { address: address.trim() } : {}),
          description: d.description,
          name: d.name || undefined,
          phone: d.phone || undefined,
          photoIds: photos.filter((p) => p.status === 'done').map((p) => p.id!),
          website: d.website ?? '',
        },
        key,
      );
      setCode(res.trackingNumber);
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setSubmitting(false);
    }
  };

  if (code)
    return (
      <div className="portal-card" style={{ textAlign: 'center' }} data-testid="portal-report-done">
        <CheckCircleFilled style={{ fontSize: 48, color: '#52c41a' }} />
        <h2 style={{ marginTop: 12 }}>{t(`${r}.doneTitle`)}</h2>
        <div className="portal-code" data-testid="portal-tracking-code">
          {code}
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 10 }}>
          {t(`${r}.doneHint`)}
        </Typography.Paragraph>
        <Button
          icon={<CopyOutlined />}
          size="large"
          block
          onClick={() =>
            void navigator.clipboard?.writeText(code).then(
              () => message.success(t(`${r}.copied`)),
              () => undefined,
            )
          }
        >
          {t(`${r}.copy`)}
        </Button>
        <Link to={`/public/track/${code}`}>
          <Button type="primary" size="large" block style={{ marginTop: 8 }} data-testid="portal-follow-now">
            {t(`${r}.followNow`)}
          </Button>
        </Link>
      </div>
    );

  return (
    <div data-testid="portal-report">
      <h1 style={{ fontSize: 20, margin: '4px 0 12px' }}>{t(`${r}.title`)}</h1>
      <Steps
        size="small"
        responsive={false}
        titlePlacement="vertical"
        current={step}
        items={[
          { title: t(`${r}.steps.category`) },
          { title: t(`${r}.steps.place`) },
          { title: t(`${r}.steps.details`) },
        ]}
        style={{ marginBottom: 12 }}
      />
      {step === 0 && (
        <section className="portal-card">
          <h2>{t(`${r}.chooseCategory`)}</h2>
          {categories.isPending ? (
            <Spin />
          ) : (
            <div className="portal-cats">
              {categories.data?.items.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  className="portal-cat"
                  aria-pressed={category?.id === c.id}
                  data-testid={`portal-cat-${c.code}`}
                  onClick={() => {
                    setCategory(c);
                    setStep(1);
                  }}
                >
                  <CategoryIcon icon={c.icon} size={26} />
                  {categoryName(c)}
                </button>
              ))}
            </div>
          )}
        </section>
      )}
      {step === 1 && (
        <section className="portal-card">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            <EnvironmentOutlined /> {pin ? t(`${r}.pinned`) : t(`${r}.mapHint`)}
            {pin && (
              <span data-testid="portal-pin">
                {' '}
                ({pin.lng.toFixed(5)}, {pin.lat.toFixed(5)})
              </span>
            )}
          </Typography.Paragraph>
          <Suspense
            fallback={
              <div style={{ height: 280, display: 'grid', placeItems: 'center' }}>
                <Spin />
              </div>
            }
          >
            <div data-testid="portal-map">
              <PortalMap
                height={280}
                points={pin ? [{ id: 'pin', lngLat: [pin.lng, pin.lat], colour: '#f5222d' }] : []}
                onMapClick={(lng, lat) => {
                  setPin({ lng, lat });
                  setPlaceError(false);
                }}
              />
            </div>
          </Suspense>
          <Form layout="vertical" style={{ marginTop: 12 }}>
            <Form.Item
              label={t(`${r}.address`)}
              validateStatus={placeError ? 'error' : undefined}
              help={placeError ? t(`${r}.needPlace`) : undefined}
            >
              <Input
                value={address}
                onChange={(e) => {
                  setAddress(e.target.value);
                  setPlaceError(false);
                }}
                placeholder={t(`${r}.addressPlaceholder`)}
                maxLength={200}
                size="large"
                data-testid="portal-address"
              />
            </Form.Item>
          </Form>
          <div style={{ display: 'flex', gap: 8 }}>
            <Button size="large" onClick={() => setStep(0)}>
              {t(`${r}.back`)}
            </Button>
            <Button
              type="primary"
              size="large"
              block
              data-testid="portal-next"
              onClick={() => {
                if (!pin && !address.trim()) setPlaceError(true);
                else setStep(2);
              }}
            >
              {t(`${r}.next`)}
            </Button>
          </div>
        </section>
      )}
      {step === 2 && (
        <section className="portal-card">
          <Form form={form} layout="vertical" onFinish={(d) => void submit(d)} requiredMark={false}>
            <Form.Item label={t(`${r}.photos`)}>
              <PhotoPicker value={photos} onChange={setPhotos} />
            </Form.Item>
            <Form.Item
              name="description"
              label={t(`${r}.description`)}
              rules={[{ required: true, min: 5, whitespace: true, message: t(`${r}.descriptionShort`) }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t(`${r}.descriptionPlaceholder`)}
                data-testid="portal-description"
              />
            </Form.Item>
            <Typography.Text strong>{t(`${r}.contactTitle`)}</Typography.Text>
            <Form.Item name="name" label={t(`${r}.name`)} style={{ marginTop: 8 }}>
              <Input maxLength={50} autoComplete="name" data-testid="portal-name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t(`${r}.phone`)}
              rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t(`${r}.phoneInvalid`) }]}
            >
              <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="portal-phone" />
            </Form.Item>
            {/* Hidden from people (off-screen, out of the tab order); bots fill it and are refused. */}
            <div className="portal-hp" aria-hidden="true">
              <Form.Item name="website" label={t(`${r}.honeypot`)}>
                <Input tabIndex={-1} autoComplete="off" />
              </Form.Item>
            </div>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t(`${r}.privacy`)}
            </Typography.Paragraph>
            {error && (
              <Alert
                type="error"
                showIcon
                message={error}
                style={{ marginBottom: 12 }}
                data-testid="portal-error"
              />
            )}
            <div style={{ display: 'flex', gap: 8 }}>
              <Button size="large" onClick={() => setStep(1)}>
                {t(`${r}.back`)}
              </Button>
              <Button
                type="primary"
                size="large"
                block
                htmlType="submit"
                loading={submitting}
                disabled={photos.some((p) => p.status === 'uploading')}
                data-testid="portal-submit"
              >
                {submitting ? t(`${r}.submitting`) : t(`${r}.submit`)}
              </Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
