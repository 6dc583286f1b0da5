import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Input,
  List,
  Modal,
  Space,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { BoardStateTag } from './labels';
import { returnKeys, returnsApi, useReturn, type ReturnDetail, type ReturnKindWeb } from './returns-api';

/**
 * One unit's return. Its own unit ticks what it found in the period (registered through the dispute or risk
 * register) and files it, or files a zero report in two taps; everyone else reads it. Works at 375 px.
 */
export function ReturnPage({ k }: { k: ReturnKindWeb }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useReturn(k, id);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="return-page" data-id={r?.id}>
      <Card
        loading={!r}
        size="small"
        title={r?.campaignName}
        extra={r && <BoardStateTag state={r.boardState} />}
      >
        {r && (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('returns.field.unit')}>{r.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('returns.field.period')}>
              {r.periodStart} ~ {r.periodEnd}
            </Descriptions.Item>
            <Descriptions.Item label={t('returns.field.dueAt')}>
              {formatTime(r.dueAt, 'YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            {r.submittedAt && (
              <Descriptions.Item label={t('returns.field.submittedAt')}>
                {formatTime(r.submittedAt, 'YYYY-MM-DD HH:mm')} · {r.submittedByName}
              </Descriptions.Item>
            )}
            {r.statement && (
              <Descriptions.Item label={t('returns.field.statement')}>{r.statement}</Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Card>
      {r && (r.allowedActions.length ? <FilingCard k={k} r={r} /> : <FiledCard k={k} r={r} />)}
    </Space>
  );
}

function FiledCard({ k, r }: { k: ReturnKindWeb; r: ReturnDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('returns.form.listed')}>
      {!r.own && (
        <Alert type="info" showIcon message={t('returns.form.notOwn')} style={{ marginBottom: 8 }} />
      )}
      <List
        dataSource={r.items}
        locale={{ emptyText: <Empty description={r.zero ? t('returns.form.filedZero') : '—'} /> }}
        renderItem={(i) => (
          <List.Item>
            <Link to={`${k.recordPath}/${i.id}`}>{i.label}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

function FilingCard({ k, r }: { k: ReturnKindWeb; r: ReturnDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>(() => r.items.map((i) => i.id));
  const [zeroOpen, setZeroOpen] = useState(false);
  const [statement, setStatement] = useState<string>(t(`returns.form.zeroDefault.${k.kind}`));
  const [busy, setBusy] = useState(false);
  useEffect(() => setPicked(r.items.map((i) => i.id)), [r.items]);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      void message.success(done);
      setZeroOpen(false);
    } catch (e) {
      void message.error(errorMessage(t, e));
      if (!isStaleVersion(e)) return;
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: returnKeys.root(k) });
    }
  };
  const listed = r.items.length > 0;
  return (
    <Card size="small" title={t(`returns.form.found.${k.kind}`)} data-testid="return-filing">
      {r.candidates.length ? (
        <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])} style={{ width: '100%' }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {r.candidates.map((c) => (
              <Checkbox key={c.id} value={c.id} data-testid="return-candidate">
                {c.label}
                <Typography.Text type="secondary"> · {formatTime(c.at, 'MM-DD HH:mm')}</Typography.Text>
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      ) : (
        <Typography.Paragraph type="secondary">{t('returns.form.noCandidates')}</Typography.Paragraph>
      )}
      <div style={{ marginTop: 12 }}>
        <Link to={k.registerPath}>+ {t(`returns.form.register.${k.kind}`)}</Link>
      </div>
      {listed && (
        <Alert type="warning" showIcon message={t('returns.form.zeroBlocked')} style={{ marginTop: 8 }} />
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Button
          type="primary"
          block
          size="large"
          disabled={!picked.length}
          loading={busy}
          data-testid="return-submit"
          onClick={() =>
            void run(
              () => returnsApi.submit(k, r.id, { version: r.version, recordIds: picked }),
              t('returns.form.sent'),
            )
          }
        >
          {t('returns.form.submit')} {picked.length ? `(${picked.length})` : ''}
        </Button>
        {r.candidates.length > 0 && (
          <Button
            block
            disabled={busy}
            data-testid="return-save"
            onClick={() =>
              void run(
                () => returnsApi.items(k, r.id, { version: r.version, recordIds: picked }),
                t('returns.form.saved'),
              )
            }
          >
            {t('returns.form.saveList')}
          </Button>
        )}
        {r.allowedActions.includes('zero') && (
          <Button
            block
            size="large"
            disabled={busy || picked.length > 0}
            data-testid="return-zero"
            onClick={() => setZeroOpen(true)}
          >
            {t('returns.form.zero')}
          </Button>
        )}
      </Space>
      <Modal
        open={zeroOpen}
        title={t('returns.form.zeroTitle')}
        okText={t('returns.form.zero')}
        confirmLoading={busy}
        okButtonProps={{ disabled: !statement.trim(), id: 'return-zero-ok' }}
        onOk={() =>
          void run(
            () => returnsApi.zero(k, r.id, { version: r.version, statement }),
            t('returns.form.filedZero'),
          )
        }
        onCancel={() => setZeroOpen(false)}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          data-testid="return-statement"
        />
      </Modal>
    </Card>
  );
}
