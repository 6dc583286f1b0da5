import { useMemo } from 'react';
import type { TableColumnsType } from 'antd';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LEADER_CASE_STATUSES } from '@civicgrid/shared/petitions-work';
import { useCan } from '../../app/auth';
import { ListPage } from '../../kit/ListPage';
import { select } from '../../kit/filters';
import { LEADER_CASES, useBoardLeaders, type LeaderCaseRow } from './cases-api';

export function CaseStatus({ c }: { c: Pick<LeaderCaseRow, 'status' | 'overdue' | 'progressOverdue'> }) {
  const { t } = useTranslation();
  const color = c.status === 'resolved' ? 'green' : c.status === 'not_resolved' ? 'default' : 'blue';
  return (
    <Space size={4} wrap>
      <Tag color={color}>{t(`petitionWork.leader.status.${c.status}`)}</Tag>
      {c.overdue && <Tag color="red">{t('petitionCases.board.overdue')}</Tag>}
      {!c.overdue && c.progressOverdue && (
        <Tag color="orange">{t('petitionCases.board.progressOverdue')}</Tag>
      )}
    </Space>
  );
}

/** One card per leader: open, overdue and closed cases; a click narrows the board to that leader. */
function LeaderStrip() {
  const { t } = useTranslation();
  const leaders = useBoardLeaders();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('leaderId');
  const pick = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('leaderId', id);
    else next.delete('leaderId');
    setParams(next);
  };
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="board-leaders">
      {(leaders.data?.items ?? []).map((l) => (
        <Col key={l.leaderId} xs={12} md={6}>
          <Card
            size="small"
            hoverable
            onClick={() => pick(chosen === l.leaderId ? null : l.leaderId)}
            style={chosen === l.leaderId ? { borderColor: '#1668dc' } : undefined}
            data-testid="board-leader"
          >
            <Typography.Text strong>{l.leaderName}</Typography.Text>
            <div>
              {t('petitionCases.board.open', { count: l.open })}
              {l.overdue > 0 && (
                <Typography.Text type="danger">
                  {' · '}
                  {t('petitionCases.board.late', { count: l.overdue })}
                </Typography.Text>
              )}
            </div>
            <Typography.Text type="secondary">
              {t('petitionCases.board.closed', { resolved: l.resolved, notResolved: l.notResolved })}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 领导包案看板: leader × matters, with target, progress, overdue and the outcome; filters in the URL. */
export default function LeaderCaseBoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canExport = useCan('class.petition.export');
  const leaders = useBoardLeaders();
  const filters = useMemo(
    () => [
      select(
        'leaderId',
        (leaders.data?.items ?? []).map((l) => ({ value: l.leaderId, label: l.leaderName })),
        { placeholder: t('petitionCases.board.all'), width: 160, testId: 'board-leader-filter' },
      ),
      select(
        'status',
        LEADER_CASE_STATUSES.map((s) => ({ value: s, label: t(`petitionWork.leader.status.${s}`) })),
        { placeholder: t('petitionCases.board.status'), width: 120, testId: 'board-status' },
      ),
      select('overdue', [{ value: 'true', label: t('petitionCases.board.onlyOverdue') }], {
        placeholder: t('petitionCases.board.onlyOverdue'),
        width: 110,
        testId: 'board-overdue',
      }),
      select('progressDue', [{ value: 'true', label: t('petitionCases.board.onlyProgressDue') }], {
        placeholder: t('petitionCases.board.onlyProgressDue'),
        width: 120,
      }),
    ],
    [t, leaders.data],
  );
  const columns: TableColumnsType<LeaderCaseRow> = [
    {
      title: t('petitionCases.board.leader'),
      key: 'leader',
      render: (_, c) => <Link to={`/petitions/leader-cases/${c.id}`}>{c.leaderName}</Link>,
    },
    {
      title: t('petitionCases.board.petitions'),
      key: 'petitions',
      render: (_, c) => (
        <Space size={4} wrap>
          {c.title && <Typography.Text>{c.title}</Typography.Text>}
          {c.petitions.map((p) => (
            <Link key={p.id} to={`/petitions/${p.id}`}>
              {p.number}
            </Link>
          ))}
        </Space>
      ),
    },
    { title: t('petitionCases.board.target'), dataIndex: 'targetDate' },
    {
      title: t('petitionCases.board.progress'),
      key: 'progress',
      render: (_, c) => t('petitionCases.board.reports', { count: c.progressCount }),
    },
    { title: t('petitionCases.board.progressDue'), key: 'due', render: (_, c) => c.progressDue ?? '—' },
    { title: t('petitionCases.board.status'), key: 'status', render: (_, c) => <CaseStatus c={c} /> },
  ];
  return (
    <ListPage<LeaderCaseRow>
      title={t('petitionCases.board.title')}
      resource={LEADER_CASES}
      filters={filters}
      columns={columns}
      renderCard={(c) => (
        <div onClick={() => void navigate(`/petitions/leader-cases/${c.id}`)}>
          <Typography.Text strong>{c.leaderName}</Typography.Text> <CaseStatus c={c} />
          <div>
            {c.petitions.map((p) => p.number).join('、')} · {t('petitionCases.board.target')} {c.targetDate}
          </div>
        </div>
      )}
      export={
        canExport
          ? { path: '/api/petitions/leader-cases/export', baseName: 'leader-cases', testId: 'board-export' }
          : undefined
      }
      emptyText={t('petitionCases.board.empty')}
      testId="leader-case-board"
    >
      <LeaderStrip />
    </ListPage>
  );
}
