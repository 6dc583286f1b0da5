import { useMemo } from 'react';
import { Button, Empty, Input, Select, Spin, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentLang } from '../../app/i18n/i18n';
import { usePolicies, usePolicyCategories } from './portal-api';

export default function PoliciesPage() {
  const { t } = useTranslation();
  const p = 'publicSide.portal.policies';
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const categoryId = params.get('category') ?? undefined;
  const cats = usePolicyCategories();
  const list = usePolicies(q, categoryId);
  const items = useMemo(() => list.data?.pages.flatMap((pg) => pg.items) ?? [], [list.data]);
  const en = currentLang() === 'en';
  const set = (next: { q?: string; category?: string | undefined }) => {
    const merged = { q, category: categoryId, ...next };
    const out: Record<string, string> = {};
    if (merged.q) out.q = merged.q;
    if (merged.category) out.category = merged.category;
    setParams(out, { replace: true });
  };
  return (
    <div data-testid="portal-policies">
      <h1 style={{ fontSize: 20, margin: '4px 0 12px' }}>{t(`${p}.title`)}</h1>
      <section className="portal-card">
        <Input.Search
          key={q}
          defaultValue={q}
          placeholder={t('publicSide.portal.home.policyPlaceholder')}
          onSearch={(v) => set({ q: v.trim() })}
          enterButton
          size="large"
          allowClear
          aria-label={t(`${p}.search`)}
          data-testid="portal-policies-search"
        />
        <Select
          value={categoryId ?? ''}
          onChange={(v) => set({ category: v || undefined })}
          style={{ width: '100%', marginTop: 8 }}
          options={[
            { value: '', label: t(`${p}.allCategories`) },
            ...(cats.data?.items ?? []).map((c) => ({
              value: c.id,
              label: en ? (c.nameEn ?? c.name) : c.name,
            })),
          ]}
        />
      </section>
      <section className="portal-card">
        {list.isPending ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t(`${p}.empty`)} />
        ) : (
          items.map((d) => (
            <Link
              key={d.id}
              to={`/public/policies/${d.id}`}
              className="portal-list-item"
              data-testid="portal-policy"
              style={{ color: 'inherit', display: 'flex' }}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>{d.title}</Typography.Text>{' '}
                {d.hasFile && <FilePdfOutlined style={{ color: '#cf1322' }} />}
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)', marginTop: 2 }}>
                  <Tag>{en ? (d.categoryNameEn ?? d.categoryName) : d.categoryName}</Tag>
                  {d.issuer} · {d.issuedOn}
                </div>
              </div>
            </Link>
          ))
        )}
        {list.hasNextPage && (
          <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('publicSide.portal.recent.loadMore')}
          </Button>
        )}
      </section>
    </div>
  );
}
