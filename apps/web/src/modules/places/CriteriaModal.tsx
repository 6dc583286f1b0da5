import { useState } from 'react';
import { Alert, App, Button, Modal, Rate, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { PageLoading } from '../../components/PageLoading';
import { QueryError } from '../../components/QueryError';
import { isApiError, type FieldError } from '../../lib/api';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { CriteriaTable, validWeight, type Row } from './CriteriaTable';
import { previewStars, useCriteria, usePlacesMutation, type CriteriaSet, type Criterion } from './places-api';

/**
 * The star-rating criteria of the district (出租房屋星级评定标准): everyone who sees rentals may read them; the
 * district's registry managers edit, add and disable them and save the whole set at once.
 */
export function CriteriaModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('places.criteria.title')}
      onCancel={onClose}
      footer={null}
      width={1080}
      destroyOnHidden
      data-testid="criteria-modal"
    >
      <CriteriaLoader onClose={onClose} />
    </Modal>
  );
}

/** Mounted on every opening, so the editor starts from the set as it is now, never from an old cache. */
function CriteriaLoader({ onClose }: { onClose: () => void }) {
  const set = useCriteria(true);
  const [loadNo, setLoadNo] = useState(0);
  if (set.isError) return <QueryError error={set.error} onRetry={() => void set.refetch()} />;
  if (!set.data || !set.isFetchedAfterMount) return <PageLoading />;
  return (
    <CriteriaEditor
      // A reload starts the edits over from the newly fetched set; background refetches leave them alone.
      key={loadNo}
      initial={set.data}
      onReload={async () => {
        await set.refetch();
        setLoadNo((n) => n + 1);
      }}
      onClose={onClose}
    />
  );
}

function CriteriaEditor(p: { initial: CriteriaSet; onReload: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const editable = can('registry.manage') && me.user.orgLevel === 'district';
  const save = usePlacesMutation<{ version: number; criteria: Criterion[] }, CriteriaSet>(
    'PUT',
    () => '/api/rental-criteria',
  );
  const [rows, setRows] = useState<Row[]>(() => p.initial.criteria.map((c) => ({ ...c })));
  const [trial, setTrial] = useState<Record<string, number | null>>({});
  // Once a save was tried the problems show live, so each one goes away as it is fixed.
  const [tried, setTried] = useState(false);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [staleVersion, setStaleVersion] = useState<number | null>(null);

  const edit = (change: (rs: Row[]) => Row[]) => {
    setRows(change);
    setServerProblems([]);
  };
  const update = (i: number, patch: Partial<Row>) =>
    edit((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const check = () => {
    const out: string[] = [];
    rows.forEach((r, i) => {
      const say = (m: string) => out.push(t('places.criteria.rowError', { row: i + 1, message: m }));
      const name = r.name.trim();
      if (!name) say(t('places.criteria.nameRequired'));
      else if (rows.findIndex((x) => x.name.trim() === name) !== i) say(t('places.criteria.nameTwice'));
      if (!validWeight(r.weight)) say(t('places.criteria.weightRange'));
    });
    if (!rows.some((r) => !r.disabled)) out.push(t('places.criteria.noneEnabled'));
    return out;
  };

  /** The server checks the same rules; its answer names `criteria.<index>.<field>`. */
  const serverLine = (f: FieldError) => {
    const m = /^criteria\.(\d+)\.(\w+)$/.exec(f.path);
    if (!m) return f.path === 'criteria' ? t('places.criteria.noneEnabled') : `${f.path}: ${f.message}`;
    const field = m[2] === 'weight' ? 'weight' : m[2] === 'nameEn' ? 'nameEn' : 'name';
    const text =
      field === 'weight'
        ? t('places.criteria.weightRange')
        : f.message === 'listed twice'
          ? t('places.criteria.nameTwice')
          : t('places.criteria.serverField', { field: t(`places.criteria.${field}`), message: f.message });
    return t('places.criteria.rowError', { row: Number(m[1]) + 1, message: text });
  };

  const problems = [...(tried ? check() : []), ...serverProblems];

  const onSave = async () => {
    setTried(true);
    if (check().length) return;
    try {
      await save.mutateAsync({
        version: p.initial.version,
        criteria: rows.map((r) => ({
          code: r.code,
          name: r.name.trim(),
          nameEn: r.nameEn?.trim() || null,
          weight: r.weight!,
          disabled: r.disabled,
        })),
      });
      void message.success(t('places.criteria.saved'));
      p.onClose();
    } catch (error) {
      if (isStaleVersion(error) && isApiError(error))
        setStaleVersion(Number(error.details.currentVersion) || p.initial.version + 1);
      else if (isApiError(error) && error.status === 400 && error.fields.length)
        setServerProblems(error.fields.map(serverLine));
      else void message.error(errorMessage(t, error));
    }
  };

  const enabledNow = (list: readonly Row[]) =>
    list.filter((r) => !r.disabled && validWeight(r.weight)).map((r) => ({ ...r, weight: r.weight! }));
  const before = previewStars(enabledNow(p.initial.criteria), trial);
  const after = previewStars(enabledNow(rows), trial);
  const outcome = (x: ReturnType<typeof previewStars>) =>
    x ? (
      <Space size={4}>
        <Rate disabled value={x.stars} style={{ fontSize: 14 }} />
        <span>{x.score}</span>
      </Space>
    ) : (
      '—'
    );

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('places.criteria.hint')}
      </Typography.Paragraph>
      {!editable && <Alert type="info" showIcon message={t('places.criteria.readOnly')} />}
      {staleVersion !== null && (
        <Alert
          type="error"
          showIcon
          data-testid="criteria-stale"
          message={t('places.criteria.stale', { version: staleVersion })}
          action={
            <Button size="small" onClick={() => void p.onReload()} data-testid="criteria-reload">
              {t('places.criteria.reload')}
            </Button>
          }
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="criteria-problems"
          message={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {problems.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          }
        />
      )}
      <CriteriaTable
        rows={rows}
        editable={editable}
        trial={trial}
        onTrial={(code, v) => setTrial((x) => ({ ...x, [code]: v }))}
        onUpdate={update}
        onRemove={(i) => edit((rs) => rs.filter((_x, j) => j !== i))}
      />
      <Space wrap data-testid="criteria-preview">
        <Typography.Text type="secondary">
          {editable ? t('places.criteria.trialHint') : t('places.criteria.trialReadOnly')}：
        </Typography.Text>
        {editable ? (
          <>
            <span>{t('places.criteria.before')}</span>
            {outcome(before)}
            <span>→ {t('places.criteria.after')}</span>
            <span data-testid="criteria-preview-after">{outcome(after)}</span>
          </>
        ) : (
          outcome(before)
        )}
      </Space>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          {editable && (
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                edit((rs) => [
                  ...rs,
                  {
                    code: `c${Date.now().toString(36)}${rs.length}`,
                    name: '',
                    nameEn: null,
                    weight: 10,
                    disabled: false,
                    isNew: true,
                  },
                ])
              }
              data-testid="criteria-add"
            >
              {t('places.criteria.add')}
            </Button>
          )}
          <Typography.Text type="secondary">
            {t('places.criteria.version', { version: p.initial.version })}
          </Typography.Text>
        </Space>
        <Space>
          <Button onClick={p.onClose}>{editable ? t('common.cancel') : t('common.close')}</Button>
          {editable && (
            <Button
              type="primary"
              loading={save.isPending}
              disabled={staleVersion !== null}
              onClick={() => void onSave()}
              data-testid="criteria-save"
            >
              {t('common.save')}
            </Button>
          )}
        </Space>
      </Space>
    </Space>
  );
}
