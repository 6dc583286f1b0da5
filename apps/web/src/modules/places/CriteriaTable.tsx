import { Button, Input, InputNumber, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion } from './places-api';

/** A criterion as edited: the weight may be empty while typing. */
export interface Row extends Omit<Criterion, 'weight'> {
  weight: number | null;
  /** Added in this editor and not saved yet: it may simply be removed. */
  isNew?: boolean;
}

export const validWeight = (w: number | null): w is number => Number.isInteger(w) && w! >= 1 && w! <= 100;

/** The criteria as editable rows, each with its share of the enabled weights and a sample score to try. */
export function CriteriaTable(p: {
  rows: Row[];
  editable: boolean;
  trial: Record<string, number | null>;
  onTrial: (code: string, score: number | null) => void;
  onUpdate: (index: number, patch: Partial<Row>) => void;
  onRemove: (index: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const total = p.rows.reduce((a, r) => a + (!r.disabled && validWeight(r.weight) ? r.weight : 0), 0);
  const label = (r: Row) => (i18n.language === 'en' && r.nameEn ? r.nameEn : r.name);
  // A disabled criterion stays listed (old inspections name it), faded, with its enable button at full strength.
  const faded = (r: Row) => ({ style: r.disabled ? { opacity: 0.45 } : undefined });
  return (
    <Table<Row>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={p.rows}
      data-testid="criteria-table"
      columns={[
        { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
        {
          title: t('places.criteria.name'),
          key: 'name',
          onCell: faded,
          render: (_, r, i) => (
            <Input
              value={r.name}
              maxLength={30}
              disabled={!p.editable}
              autoFocus={r.isNew}
              status={r.name.trim() ? undefined : 'error'}
              placeholder={t('places.criteria.newName')}
              onChange={(e) => p.onUpdate(i, { name: e.target.value })}
              data-testid={`criteria-name-${i}`}
            />
          ),
        },
        {
          title: t('places.criteria.nameEn'),
          key: 'nameEn',
          onCell: faded,
          render: (_, r, i) => (
            <Input
              value={r.nameEn ?? ''}
              maxLength={60}
              disabled={!p.editable}
              onChange={(e) => p.onUpdate(i, { nameEn: e.target.value })}
              data-testid={`criteria-name-en-${i}`}
            />
          ),
        },
        {
          title: t('places.criteria.weight'),
          key: 'weight',
          onCell: faded,
          width: 110,
          render: (_, r, i) => (
            <InputNumber
              value={r.weight}
              min={1}
              max={100}
              precision={0}
              disabled={!p.editable}
              status={validWeight(r.weight) ? undefined : 'error'}
              onChange={(v) => p.onUpdate(i, { weight: v })}
              style={{ width: 90 }}
              data-testid={`criteria-weight-${i}`}
            />
          ),
        },
        {
          title: t('places.criteria.share'),
          key: 'share',
          onCell: faded,
          width: 80,
          render: (_, r) =>
            !r.disabled && validWeight(r.weight) && total
              ? `${Math.round((r.weight / total) * 1000) / 10}%`
              : '—',
        },
        {
          title: <span title={t('places.criteria.trialHint')}>{t('places.criteria.trial')}</span>,
          key: 'trial',
          onCell: faded,
          width: 110,
          render: (_, r, i) => (
            <InputNumber
              value={p.trial[r.code] ?? null}
              min={0}
              max={100}
              onChange={(v) => p.onTrial(r.code, v)}
              style={{ width: 90 }}
              data-testid={`criteria-trial-${i}`}
            />
          ),
        },
        {
          title: t('places.criteria.status'),
          key: 'status',
          width: 80,
          render: (_, r) =>
            r.disabled ? (
              <Tag>{t('places.criteria.disabled')}</Tag>
            ) : (
              <Tag color="green">{t('places.criteria.enabled')}</Tag>
            ),
        },
        ...(p.editable
          ? [
              {
                title: t('common.actions'),
                key: 'act',
                width: 90,
                render: (_: unknown, r: Row, i: number) =>
                  r.isNew ? (
                    <Button size="small" onClick={() => p.onRemove(i)} data-testid={`criteria-remove-${i}`}>
                      {t('places.criteria.remove')}
                    </Button>
                  ) : r.disabled ? (
                    <Button
                      size="small"
                      onClick={() => p.onUpdate(i, { disabled: false })}
                      data-testid={`criteria-enable-${i}`}
                    >
                      {t('places.criteria.enable')}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={t('places.criteria.disableConfirm', { name: label(r) })}
                      onConfirm={() => p.onUpdate(i, { disabled: true })}
                      okButtonProps={{ 'data-testid': 'criteria-disable-confirm' } as Record<string, string>}
                    >
                      <Button size="small" danger data-testid={`criteria-disable-${i}`}>
                        {t('places.criteria.disable')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
