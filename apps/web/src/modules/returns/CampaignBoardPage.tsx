import {
  Card,
  Col,
  Descriptions,
  Grid,
  List,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { BOARD_STATES, type BoardState } from '@civicgrid/shared/returns';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import { formatTime } from '../../lib/time';
import { BoardStateTag, STATE_COLOUR } from './labels';
import { useCampaign, type ReturnKindWeb, type UnitReturn } from './returns-api';

const COLOUR: Record<string, string> = {
  green: '#389e0d',
  cyan: '#08979c',
  orange: '#d46b08',
  red: '#cf1322',
};

/**
 * The board of one campaign: how many units filed on time, with a zero report, late, or are missing, each a
 * filter in the URL (?state=missing), then one row per unit, exported as CSV or Excel.
 */
export function CampaignBoardPage({ k }: { k: ReturnKindWeb }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state = (BOARD_STATES as readonly string[]).includes(raw ?? '') ? (raw as BoardState) : undefined;
  const query = useCampaign(k, id, state);
  const wide = Grid.useBreakpoint().md !== false;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const setState = (s: string) => setParams(s === 'all' ? {} : { state: s }, { replace: true });
  const columns: TableColumnsType<UnitReturn> = [
    {
      title: t('returns.field.unit'),
      key: 'unit',
      render: (_, r) => <Link to={`${k.base}/returns/${r.id}`}>{r.unitName}</Link>,
    },
    {
      title: t('returns.field.state'),
      key: 'state',
      render: (_, r) => <BoardStateTag state={r.boardState} />,
    },
    { title: t('returns.field.itemCount'), dataIndex: 'itemCount' },
    {
      title: t('returns.field.statement'),
      key: 'statement',
      render: (_, r) => r.statement ?? '—',
      ellipsis: true,
    },
    {
      title: t('returns.field.submittedAt'),
      key: 'at',
      render: (_, r) => formatTime(r.submittedAt, 'YYYY-MM-DD HH:mm') || '—',
    },
    { title: t('returns.field.submittedBy'), key: 'by', render: (_, r) => r.submittedByName ?? '—' },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="return-board">
      <Card
        loading={!c}
        title={
          <Space wrap>
            <Link to={k.base}>{t(`returns.list.title.${k.kind}`)}</Link>
            <span>/</span>
            <Typography.Text strong>{c?.name}</Typography.Text>
          </Space>
        }
        extra={
          c && (
            <ExportButton
              path={`${k.api}/campaigns/${c.id}/board/export`}
              query={{ state }}
              baseName={`${k.kind}-board`}
              testId="board-export"
            />
          )
        }
      >
        {c && (
          <>
            <Descriptions size="small" column={wide ? 3 : 1}>
              <Descriptions.Item label={t('returns.field.period')}>
                {c.periodStart} ~ {c.periodEnd}
              </Descriptions.Item>
              <Descriptions.Item label={t('returns.field.dueAt')}>
                {formatTime(c.dueAt, 'YYYY-MM-DD HH:mm')}
              </Descriptions.Item>
              <Descriptions.Item label={t('returns.field.issuer')}>{c.issuerName ?? '—'}</Descriptions.Item>
              {c.instructions && (
                <Descriptions.Item label={t('returns.field.instructions')}>
                  {c.instructions}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
              <Col xs={8} md={4}>
                <Statistic title={t('returns.board.total')} value={c.counts.total} />
              </Col>
              {BOARD_STATES.map((s) => (
                <Col xs={8} md={4} key={s}>
                  <Statistic
                    title={t(`returns.state.${s}`)}
                    value={c.counts[s]}
                    valueStyle={{ color: COLOUR[STATE_COLOUR[s]] }}
                    data-testid={`board-count-${s}`}
                  />
                </Col>
              ))}
            </Row>
          </>
        )}
      </Card>
      <Card size="small">
        <Segmented
          value={state ?? 'all'}
          onChange={(v) => setState(String(v))}
          options={[
            { value: 'all', label: t('returns.board.all') },
            ...BOARD_STATES.map((s) => ({ value: s, label: t(`returns.state.${s}`) })),
          ]}
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
          data-testid="board-state"
        />
        {wide ? (
          <Table<UnitReturn>
            rowKey="id"
            size="small"
            loading={!c}
            dataSource={c?.board ?? []}
            columns={columns}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('returns.board.empty') }}
            data-testid="board-table"
          />
        ) : (
          <List
            loading={!c}
            dataSource={c?.board ?? []}
            locale={{ emptyText: t('returns.board.empty') }}
            data-testid="board-table"
            renderItem={(r) => (
              <List.Item>
                <Link to={`${k.base}/returns/${r.id}`} style={{ color: 'inherit', width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{r.unitName}</Typography.Text>
                    <BoardStateTag state={r.boardState} />
                    {r.itemCount > 0 && <Typography.Text type="secondary">× {r.itemCount}</Typography.Text>}
                  </Space>
                </Link>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
